/**
 * The dashboard's progress line: every stage in order with its state and its statutory date, and
 * where today stands against the next date. The state is given in words as well as by shape and
 * colour, so it never depends on colour alone.
 */
import {
  formatGuideDate as fmt,
  type CaseFacts,
  type CaseStatus,
  type DueDate,
  type DueDateKey,
  type IsoDate,
  type StageId,
  type StageState,
} from '../ehc/index.js';
import { countdown } from './due-date-view.js';

export interface ProgressStep {
  label: string;
  state: StageState;
  /** Read by screen readers after the label: 'completed', 'current stage', 'not reached yet'. */
  stateText: string;
  /** e.g. 'Received 8th Aug 2023', 'Due by 18th Sep 2023' */
  dateText?: string;
  overdue: boolean;
}

export interface ProgressView {
  steps: ProgressStep[];
  today: string;
  /** e.g. 'Decision due: 18th Sep 2023, 29 days from today' */
  todayAgainstNext?: string;
}

const STATE_TEXT: Record<StageState, string> = {
  done: 'completed',
  current: 'current stage',
  'not-reached': 'not reached yet',
};

function dueDate(status: CaseStatus, ...keys: DueDateKey[]): DueDate | undefined {
  for (const key of keys) {
    const found = status.dueDates.find((d) => d.key === key);
    if (found) return found;
  }
  return undefined;
}

function dueText(d: DueDate | undefined, doneWord: string): Pick<ProgressStep, 'dateText' | 'overdue'> {
  if (!d) return { overdue: false };
  if (d.metOn) return { dateText: `${doneWord} ${fmt(d.metOn)}`, overdue: false };
  if (d.lifted) return { dateText: 'Time limit does not apply', overdue: false };
  return { dateText: `Due by ${fmt(d.date)}${d.overdue ? ' (overdue)' : ''}`, overdue: d.overdue };
}

function stepDate(stage: StageId, facts: CaseFacts, status: CaseStatus): Pick<ProgressStep, 'dateText' | 'overdue'> {
  switch (stage) {
    case 'request':
      return { dateText: `Received ${fmt(facts.requestReceived)}`, overdue: false };
    case 'decision':
      return dueText(dueDate(status, 'decision-to-assess'), 'Decided');
    case 'assessment':
      return facts.decisionAfterAssessment
        ? { dateText: `Decided ${fmt(facts.decisionAfterAssessment.date)}`, overdue: false }
        : dueText(dueDate(status, 'no-plan-notice'), 'Decided');
    case 'draft-plan':
      return facts.draftPlanIssued
        ? { dateText: `Issued ${fmt(facts.draftPlanIssued)}`, overdue: false }
        : { overdue: false };
    case 'final-plan':
      return dueText(dueDate(status, 'final-plan'), 'Issued');
    case 'annual-review': {
      const next = status.dueDates.find((d) => d.key === 'next-annual-review' && !d.metOn);
      return dueText(next ?? dueDate(status, 'annual-review'), 'Held');
    }
  }
}

export function progressView(facts: CaseFacts, status: CaseStatus, today: IsoDate): ProgressView {
  const view: ProgressView = {
    steps: status.stages.map((stage) => ({
      label: stage.label,
      state: stage.state,
      stateText: STATE_TEXT[stage.state],
      ...stepDate(stage.id, facts, status),
    })),
    today: fmt(today),
  };
  if (status.nextDate) {
    view.todayAgainstNext = `${status.nextDate.label}: ${fmt(status.nextDate.date)}, ${countdown(status.nextDate, today)}`;
  }
  return view;
}
