import type { FeatureDeps } from '../../deps.js';
import { ukToday } from '../../clock.js';
import { inTransaction } from '../../db/pool.js';
import type { FormErrors } from '../../web/forms/errors.js';
import { factsOf, findCouncilCase, type CouncilCase } from '../cases-data.js';
import { parseForm, ruleErrors } from '../../web/forms/parse.js';
import type { SubmittedForm } from '../forms/request-form.js';
import type { StaffMember } from '../staff-member.js';
import { insertDocument } from '../../documents/data.js';
import { fileProblemMessage } from '../forms/file-problems.js';
import { consistencyErrors } from './consistency.js';
import { familyAgreedToDraft } from './decision-data.js';
import { finishCaseChange, type CaseChange } from './record-change.js';
import type { ProgressStep, StepContext } from './step.js';

export type StepOutcome =
  | { outcome: 'recorded'; change: CaseChange; familyNotified: number }
  | { outcome: 'invalid'; errors: FormErrors; found: CouncilCase }
  | { outcome: 'blocked'; message: string }
  | { outcome: 'not-found' };

function mergeErrors(first: FormErrors | undefined, second: FormErrors | undefined): FormErrors | undefined {
  if (!first) return second;
  if (!second) return first;
  const errors = { ...second.errors, ...first.errors };
  const errorList = [
    ...first.errorList,
    ...second.errorList.filter((item) => !first.errors[item.href.slice(1).replace(/-day$/, '')]),
  ];
  return { errors, errorList };
}

function fileErrors(step: ProgressStep, form: SubmittedForm): FormErrors | undefined {
  if (!step.upload) return undefined;
  const field = step.upload.field;
  const problem = form.upload?.problem;
  if (problem) return ruleErrors([[field, fileProblemMessage(problem)]]);
  if (!form.upload?.files.length) return ruleErrors([[field, step.upload.missing]]);
  return undefined;
}

async function contextOf(db: Parameters<typeof factsOf>[0], today: string, found: CouncilCase): Promise<StepContext> {
  const facts = await factsOf(db, found);
  return { today, found, facts, familyAgreedToDraft: await familyAgreedToDraft(db, found.id, facts.draftPlanIssued) };
}

/** The step's page: what the case is and whether the step can be recorded now. */
export async function stepContext(
  deps: FeatureDeps,
  staff: StaffMember,
  caseId: string,
): Promise<StepContext | undefined> {
  const found = await findCouncilCase(deps.pool, staff.councilId, caseId);
  if (!found) return undefined;
  return contextOf(deps.pool, ukToday(deps.clock), found);
}

/**
 * Checks and records one step in one transaction, with the case row locked so that two people
 * moving the same case on take turns: the letter, the change, the timeline note, the work tray's
 * summary, the audit row and the family's emails are all saved, or none of them.
 */
export async function recordStep(
  deps: FeatureDeps,
  input: { staff: StaffMember; ip?: string; caseId: string; step: ProgressStep; form: SubmittedForm },
): Promise<StepOutcome> {
  const { staff, step, form } = input;
  const result = await inTransaction(deps.pool, async (client): Promise<StepOutcome> => {
    const found = await findCouncilCase(client, staff.councilId, input.caseId, { lock: true });
    if (!found) return { outcome: 'not-found' };
    const ctx = await contextOf(client, ukToday(deps.clock), found);
    const blocked = step.blocked?.(ctx);
    if (blocked) return { outcome: 'blocked', message: blocked };

    const parsed = parseForm(step.schema(ctx), form.fields, step.dateFields);
    let errors = mergeErrors(parsed.ok ? undefined : parsed.errors, fileErrors(step, form));
    if (parsed.ok) {
      let sequence = consistencyErrors(ctx.facts, step.proposed(ctx, parsed.data), step.factFields);
      if (sequence.length === 0) sequence = step.ruleErrors?.(ctx, parsed.data) ?? [];
      if (sequence.length > 0) errors = mergeErrors(ruleErrors(sequence, step.dateFields), errors);
    }
    if (errors || !parsed.ok) return { outcome: 'invalid', errors: errors as FormErrors, found };

    const now = deps.clock.now();
    const file = step.upload ? form.upload?.files[0] : undefined;
    const documentId =
      step.upload && file
        ? await insertDocument(client, {
            defaultFilename: 'document.pdf',
            caseId: found.id,
            kind: step.upload.kind,
            file,
            uploadedBy: staff.id,
            at: now,
          })
        : undefined;
    const change = await step.apply(client, { ...ctx, staff, now, documentId }, parsed.data);
    const familyNotified = await finishCaseChange(client, deps, { staff, ip: input.ip, found, change });
    return { outcome: 'recorded', change, familyNotified };
  });
  if (result.outcome === 'recorded') deps.queue.nudge();
  return result;
}
