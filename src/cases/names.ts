/** Children's names as the dashboard shows them: "Last, First", in alphabetical order. */

export interface NamedChild {
  firstName: string;
  lastName: string;
}

/** The guide's "Rogers, Barney". */
export function lastCommaFirst(child: NamedChild): string {
  return `${child.lastName.trim()}, ${child.firstName.trim()}`;
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/**
 * Alphabetical by last name, then first name, ignoring case and accents ("de Souza" sorts with
 * "Desmond", "Émile" with "Emile"); `tieBreak` keeps the order stable for two children of one name.
 */
export function byChildName<T extends NamedChild>(tieBreak: (item: T) => string = () => '') {
  return (a: T, b: T): number =>
    collator.compare(a.lastName.trim(), b.lastName.trim()) ||
    collator.compare(a.firstName.trim(), b.firstName.trim()) ||
    (tieBreak(a) < tieBreak(b) ? -1 : tieBreak(a) > tieBreak(b) ? 1 : 0);
}
