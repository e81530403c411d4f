import { isStageId, stageLabel } from '../../ehc/index.js';
import { PROGRESS_STEPS } from '../case-progress/steps.js';
import { auditActionLabel } from './labels.js';

/** The page a view was of, in words: "the Final plan stage", "the comments page". */
export function pageWords(page: unknown): string | undefined {
  if (typeof page !== 'string' || !page) return undefined;
  const [kind, slug] = page.split(':');
  if (kind === 'stage' && slug && isStageId(slug)) return `the ${stageLabel(slug)} stage`;
  if (kind === 'progress') {
    const step = PROGRESS_STEPS.find((s) => s.slug === slug);
    return step
      ? `the form to ${step.title.charAt(0).toLowerCase()}${step.title.slice(1)}`
      : 'a form to move the case on';
  }
  if (kind === 'case') return 'the case';
  return `the ${kind.replace(/-/g, ' ')} page`;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** "Jo Rogers viewed the Final plan stage", "Sam Patel recorded the draft plan": who did what, as a sentence. */
export function auditSentence(entry: {
  action: string;
  actorName: string | null;
  subjectName: string | null;
  details: Record<string, unknown>;
}): string {
  const who = entry.actorName ?? 'The system';
  const page = pageWords(entry.details.page);
  const label = auditActionLabel(entry.action);
  const did =
    (entry.action === 'case.viewed' || entry.action === 'staff.case.viewed') && page
      ? `viewed ${page}`
      : lowerFirst(label);
  return `${who} ${did}${entry.subjectName ? ` (${entry.subjectName})` : ''}`;
}
