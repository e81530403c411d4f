/**
 * A word diff of two versions of a text, for people to read: which words were added and which
 * removed, in order. Words are compared whole (spaces and line breaks go with the word after
 * them; punctuation is a word of its own), by the longest common subsequence, after the common start and end are set aside.
 */

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

export interface WordDiff {
  parts: DiffPart[];
  added: number;
  removed: number;
}

/** Beyond this many word pairs to compare, the changed middle is shown as removed then added. */
const MAX_CELLS = 4_000_000;

/**
 * The text as words and runs of punctuation, each with the spaces before it, so that joining
 * them gives the text back ("Barney." is "Barney" and ".": adding "soon" before the full stop
 * is one word added, not one word changed).
 */
export function wordsOf(text: string): string[] {
  return text.match(/\s*(?:[\p{L}\p{N}'’-]+|[^\s\p{L}\p{N}'’-]+)|\s+$/gu) ?? [];
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

const sameWord = (a: string, b: string) => a.trim() === b.trim();

function middleDiff(before: string[], after: string[]): DiffPart[] {
  const n = before.length;
  const m = after.length;
  if (n === 0) return after.map((text) => ({ kind: 'added', text }));
  if (m === 0) return before.map((text) => ({ kind: 'removed', text }));
  if (n * m > MAX_CELLS) {
    return [
      ...before.map((text) => ({ kind: 'removed' as const, text })),
      ...after.map((text) => ({ kind: 'added' as const, text })),
    ];
  }
  // lengths[i][j]: the longest common subsequence of before[i..] and after[j..].
  const lengths = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i][j] = sameWord(before[i], after[j])
        ? lengths[i + 1][j + 1] + 1
        : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (sameWord(before[i], after[j])) {
      parts.push({ kind: 'same', text: after[j] });
      i++;
      j++;
    } else if (lengths[i + 1][j] >= lengths[i][j + 1]) {
      parts.push({ kind: 'removed', text: before[i++] });
    } else {
      parts.push({ kind: 'added', text: after[j++] });
    }
  }
  while (i < n) parts.push({ kind: 'removed', text: before[i++] });
  while (j < m) parts.push({ kind: 'added', text: after[j++] });
  return parts;
}

/** Joins neighbouring parts of the same kind, so that a changed phrase reads as one. */
function merged(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (last && last.kind === part.kind) last.text += part.text;
    else out.push({ ...part });
  }
  return out;
}

const countWords = (parts: DiffPart[], kind: DiffPart['kind']) =>
  parts.filter((part) => part.kind === kind).reduce((sum, part) => sum + (part.text.match(WORD)?.length ?? 0), 0);

export function diffWords(beforeText: string, afterText: string): WordDiff {
  const before = wordsOf(beforeText);
  const after = wordsOf(afterText);
  let start = 0;
  while (start < before.length && start < after.length && sameWord(before[start], after[start])) start++;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    sameWord(before[before.length - 1 - end], after[after.length - 1 - end])
  )
    end++;
  const parts = [
    ...after.slice(0, start).map((text) => ({ kind: 'same' as const, text })),
    ...middleDiff(before.slice(start, before.length - end), after.slice(start, after.length - end)),
    ...after.slice(after.length - end).map((text) => ({ kind: 'same' as const, text })),
  ];
  return { parts: merged(parts), added: countWords(parts, 'added'), removed: countWords(parts, 'removed') };
}
