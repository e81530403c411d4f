import { daysBetween, isIsoDate, type CaseFacts, type DueDate } from '../../ehc/index.js';
import type { CouncilCase } from '../cases-data.js';
import type { CaseMember } from './data.js';
import { PROGRESS_STEPS } from '../case-progress/steps.js';
import type { CaseContext } from '../case-progress/step.js';
import { staffPaths } from '../paths.js';
import { formatDate } from '../../web/format.js';

/** "in 12 days", "tomorrow", "today", "3 days ago": how far a date is from today. */
export function howFarAway(today: string, date: string): string {
  const days = daysBetween(today, date);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** A fact of the case by its name in a step's factFields ('draftPlanIssued', 'exemption.recordedOn'). */
function factValue(facts: CaseFacts, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined),
      facts,
    );
}

const pastTense = (title: string) => title.replace(/^Record /, 'Recorded ').replace(/^Remove /, 'Removed ');

/**
 * The ways to move the case on, split in two: what has been done (for the timeline, with the
 * date recorded when there is one) and what can be done next (the buttons). A step done that
 * can still be changed stays reachable from the timeline.
 */
export function caseSteps(ctx: CaseContext) {
  const done: { title: string; on?: string; href: string }[] = [];
  const next: { title: string; href: string }[] = [];
  for (const step of PROGRESS_STEPS) {
    if (step.blocked?.(ctx)) continue;
    const href = staffPaths.progress(ctx.found.id, step.slug);
    const recorded = Object.keys(step.factFields)
      .map((fact) => factValue(ctx.facts, fact))
      .filter((value) => value !== undefined && value !== null && value !== false);
    if (recorded.length > 0 && step.slug !== 'remove-exemption') {
      const date = recorded.find((value): value is string => isIsoDate(value));
      done.push({ title: pastTense(step.title), on: date ? formatDate(date) : undefined, href });
    } else {
      next.push({ title: step.title, href });
    }
  }
  return { done, next };
}

/** The top of the staff case page: the next statutory date and how far away, and who co-ordinates the case. */
export function caseSummaryFacts(input: {
  found: CouncilCase;
  today: string;
  members: CaseMember[];
  dueDates: DueDate[];
}) {
  const { found, today } = input;
  const coordinators = input.members
    .filter((member) => member.role === 'coordinator' && !member.removedAt)
    .map((member) => member.fullName);
  const overdue = input.dueDates.some((due) => due.overdue);
  return {
    nextDue: found.nextDueOn
      ? {
          label: found.nextDueLabel ?? 'Due',
          on: found.nextDueOn,
          howFar: howFarAway(today, found.nextDueOn),
          overdue: found.nextDueOn < today,
        }
      : undefined,
    coordinators: coordinators.join(', '),
    nowText: overdue ? 'A statutory date has passed: record what has happened as soon as you can.' : undefined,
  };
}
