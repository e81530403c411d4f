/** How a statutory date reads on the case pages: its date and where it stands today. */
import { daysBetween, formatGuideDate as fmt, type DueDate, type IsoDate, type StageId } from '../ehc/index.js';

export interface DueDateView {
  label: string;
  date: string;
  /** 'Met on 12th Sep 2023', 'Overdue', 'Does not apply', 'Upcoming', 'Passed'; empty for a date with no state. */
  statusText: string;
  /** The GOV.UK tag colour for the status. */
  tagClass: string;
}

export function dueDateView(d: DueDate): DueDateView {
  const base = { label: d.label, date: fmt(d.date) };
  if (d.metOn) {
    return d.metLate
      ? { ...base, statusText: `Met late, on ${fmt(d.metOn)}`, tagClass: 'govuk-tag--orange' }
      : { ...base, statusText: `Met on ${fmt(d.metOn)}`, tagClass: 'govuk-tag--green' };
  }
  if (d.lifted) return { ...base, statusText: 'Does not apply (exemption)', tagClass: 'govuk-tag--grey' };
  if (d.endedOn && d.passed)
    return { ...base, statusText: `Ended ${fmt(d.endedOn)}, when the plan was issued`, tagClass: 'govuk-tag--grey' };
  if (d.overdue) return { ...base, statusText: 'Overdue', tagClass: 'govuk-tag--red' };
  if (d.passed) return { ...base, statusText: 'Passed', tagClass: 'govuk-tag--grey' };
  return { ...base, statusText: 'Upcoming', tagClass: 'govuk-tag--blue' };
}

/** '29 days from today', 'today', 'tomorrow', '3 days overdue', or for a family window that has gone, 'passed'. */
export function countdown(d: DueDate, today: IsoDate): string {
  if (d.lifted) return 'this time limit does not apply';
  if (d.by === 'family' && d.passed) return 'passed';
  const days = daysBetween(today, d.date);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days > 1) return `${days} days from today`;
  if (d.by === 'family') return 'passed';
  return days === -1 ? '1 day overdue' : `${-days} days overdue`;
}

/** The stage a statutory date belongs to, for the stage pages. */
export function stageOfDueDate(d: DueDate): StageId {
  switch (d.key) {
    case 'decision-to-assess':
      return 'decision';
    case 'advice':
    case 'no-plan-notice':
      return 'assessment';
    case 'draft-plan-comments':
      return 'draft-plan';
    case 'final-plan':
      return 'final-plan';
    case 'appeal':
      return d.appealAbout === 'not-assess'
        ? 'decision'
        : d.appealAbout === 'not-issue'
          ? 'assessment'
          : d.appealAbout === 'final-plan'
            ? 'final-plan'
            : 'annual-review';
    default:
      return 'annual-review';
  }
}
