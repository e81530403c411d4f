import { z } from 'zod';
import { normaliseText } from '../web/forms/fields.js';
import type { FormErrors } from '../web/forms/errors.js';
import { ruleErrors } from '../web/forms/parse.js';
import type { AdviceAnswer } from './data.js';

export const MAX_SECTION_LENGTH = 20_000;

const section = (name: string) =>
  z
    .preprocess(
      normaliseText,
      z
        .string()
        .max(MAX_SECTION_LENGTH, `${name} must be ${MAX_SECTION_LENGTH.toLocaleString('en-GB')} characters or fewer`),
    )
    .transform((value) => value || undefined);

/** The adviser's sections, as typed: each may be empty in a draft. */
export const adviceAnswerSchema = z.object({
  needs: section('The child’s needs'),
  outcomes: section('Outcomes'),
  provisionEducation: section('Educational provision'),
  provisionHealth: section('Health provision'),
  provisionSocialCare: section('Social care provision'),
});

/** A setting's answer to a consultation: can it meet the needs, and why. */
export const consultationAnswerSchema = z.object({
  canMeetNeeds: z.preprocess(
    (value) => (value === 'yes' ? true : value === 'no' ? false : undefined),
    z.boolean().optional(),
  ),
  reasons: section('Reasons'),
});

/** What must be there before the advice can be submitted (a draft may have any part). */
export function completeness(kind: string, answer: AdviceAnswer): FormErrors | undefined {
  const missing: [string, string][] = [];
  if (kind === 'placement') {
    if (answer.canMeetNeeds === undefined)
      missing.push(['canMeetNeeds', 'Select whether the setting can meet the child’s needs']);
    if (!answer.reasons) missing.push(['reasons', 'Enter your reasons']);
  } else {
    if (!answer.needs) missing.push(['needs', 'Enter the child’s needs']);
    if (!answer.outcomes) missing.push(['outcomes', 'Enter the outcomes']);
    if (!answer.provisionEducation && !answer.provisionHealth && !answer.provisionSocialCare) {
      missing.push([
        'provisionEducation',
        'Enter the provision needed in at least one of education, health or social care',
      ]);
    }
  }
  return missing.length > 0 ? ruleErrors(missing) : undefined;
}

/** The form's values from an answer, for showing it again. */
export function answerValues(answer: AdviceAnswer): Record<string, string | undefined> {
  return {
    needs: answer.needs,
    outcomes: answer.outcomes,
    provisionEducation: answer.provisionEducation,
    provisionHealth: answer.provisionHealth,
    provisionSocialCare: answer.provisionSocialCare,
    canMeetNeeds: answer.canMeetNeeds === undefined ? undefined : answer.canMeetNeeds ? 'yes' : 'no',
    reasons: answer.reasons,
  };
}
