/**
 * The main entry: everything the dashboard and the case page show about where a case is.
 *
 *   const status = describeCase(facts, ukToday(clock));
 *   status.nextDate      // { label: 'Decision due', date: '2023-09-18', … }
 *   status.status        // the blue status line and the three answers
 */
import type { CaseFacts, ExemptionKind } from './case-facts.js';
import { invalidFacts } from './case-facts-check.js';
import { compareDates, formatGuideDate, isIsoDate, type IsoDate } from './dates.js';
import { computeDueDates, type AppealAbout, type DueDate, type DueDateKey } from './due-dates.js';
import { EXEMPTION_LABELS, isLiftable, LIFTABLE_LIMITS } from './exemptions.js';
import { currentStageId, situationOf, stageStates, type Situation, type StageState } from './progress.js';
import { voiceFor, withFullStop, type StatusText } from './status-text-common.js';
import { statusTextFor } from './status-text.js';
import { STAGES, type Stage } from './stages.js';

export interface StageWithState extends Stage {
  state: StageState;
}

export interface ExemptionEffect {
  kind: ExemptionKind;
  /** e.g. 'Exceptional personal circumstances' */
  label: string;
  reason: string;
  /** The time limits it lifts now (those not met yet). Empty when every one was already met. */
  lifted: { key: DueDateKey; label: string; date: IsoDate }[];
  /** One sentence for staff and family, e.g. 'The 20-week time limit for the final plan (24th Dec 2023) no longer applies …' */
  explanation: string;
}

export interface CaseStatus {
  stages: StageWithState[];
  currentStage: Stage;
  situation: Situation;
  /** Every statutory date that applies, in the order of the process. */
  dueDates: DueDate[];
  /** The date the dashboard shows for the current stage, e.g. { label: 'Decision due', date: '2023-09-18' }. */
  nextDate?: DueDate;
  exemption?: ExemptionEffect;
  status: StatusText;
}

/** The due dates that can be the card's date, by situation, as [key, appeal about]. */
const NEXT_DATE_KEYS: Record<Situation, [DueDateKey, AppealAbout?][]> = {
  'request-received': [['decision-to-assess']],
  'not-assessing': [['appeal', 'not-assess']],
  assessing: [['advice'], ['final-plan']],
  'issuing-plan': [['final-plan']],
  'not-issuing-plan': [['appeal', 'not-issue']],
  'draft-plan-issued': [['draft-plan-comments'], ['final-plan']],
  'final-plan-issued': [['annual-review'], ['phase-transfer']],
  'annual-review-due': [['annual-review'], ['phase-transfer']],
  'annual-review-overdue': [['annual-review'], ['next-annual-review'], ['phase-transfer']],
  'annual-review-meeting-planned': [['annual-review'], ['phase-transfer']],
  'annual-review-meeting-held': [['review-decision'], ['phase-transfer']],
  'plan-kept': [['next-annual-review'], ['phase-transfer']],
  'amendments-proposed': [['amendment-comments'], ['amended-plan'], ['phase-transfer']],
  'amended-plan-issued': [['next-annual-review'], ['phase-transfer']],
  'plan-ceased': [['appeal', 'cease']],
};

/**
 * The earliest date still to come for the situation: council dates until met (an overdue one stays),
 * family windows until they pass.
 */
function nextDateFor(situation: Situation, dueDates: DueDate[]): DueDate | undefined {
  const candidates = dueDates.filter(
    (d) =>
      NEXT_DATE_KEYS[situation].some(
        ([key, about]) => d.key === key && (about === undefined || d.appealAbout === about),
      ) &&
      d.metOn === undefined &&
      !(d.by === 'family' && d.passed),
  );
  return candidates.sort((a, b) => compareDates(a.date, b.date))[0];
}

function exemptionEffect(facts: CaseFacts, dueDates: DueDate[]): ExemptionEffect | undefined {
  const exemption = facts.exemption;
  if (!exemption) return undefined;
  const lifted = dueDates.filter((d) => d.lifted).map(({ key, label, date }) => ({ key, label, date }));
  const label = EXEMPTION_LABELS[exemption.kind];
  const limits = lifted.map((d) =>
    isLiftable(d.key) ? `${LIFTABLE_LIMITS[d.key]} (${formatGuideDate(d.date)})` : d.label,
  );
  const reason = exemption.reason.trim() ? ` Reason: ${withFullStop(exemption.reason)}` : '';
  const explanation =
    limits.length === 0
      ? `An exemption was recorded (${label}), but every time limit it could lift has already been met.${reason}`
      : `${capitalise(joinAnd(limits))} no longer ${limits.length === 1 ? 'applies' : 'apply'} because of an exemption: ${label}.${reason}`;
  return { kind: exemption.kind, label, reason: exemption.reason, lifted, explanation };
}

function joinAnd(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Where the case is on `today` ('YYYY-MM-DD', the UK calendar date), with its statutory dates and
 * the words the family reads. Throws a RangeError when the facts hold an impossible date.
 */
export function describeCase(facts: CaseFacts, today: IsoDate): CaseStatus {
  const problems = invalidFacts(facts);
  if (!isIsoDate(today)) problems.push(`today is not a calendar date in the form YYYY-MM-DD: ${JSON.stringify(today)}`);
  if (problems.length > 0) throw new RangeError(`Cannot describe the case: ${problems.join('; ')}`);

  const stageId = currentStageId(facts, today);
  const situation = situationOf(facts, today, stageId);
  const dueDates = computeDueDates(facts, today);
  const states = new Map(stageStates(stageId).map(({ id, state }) => [id, state]));
  const stages = STAGES.map((stage) => ({ ...stage, state: states.get(stage.id) ?? 'not-reached' }));
  const currentStage = STAGES.find((s) => s.id === stageId) as Stage;
  const status = statusTextFor(situation, { facts, today, v: voiceFor(facts), dueDates });
  const result: CaseStatus = { stages, currentStage, situation, dueDates, status };
  const nextDate = nextDateFor(situation, dueDates);
  if (nextDate) result.nextDate = nextDate;
  const exemption = exemptionEffect(facts, dueDates);
  if (exemption) result.exemption = exemption;
  return result;
}
