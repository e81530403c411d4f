import { z } from 'zod';
import { PLAN_SECTIONS, type DraftPlanResponse } from './data.js';
import type { ProposalWords } from './proposal-words.js';
import { normaliseText } from '../../web/forms/fields.js';

export const MAX_SECTION_LENGTH = 10_000;
export const MAX_SETTING_LENGTH = 200;

const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v) => typeof v === 'string') : typeof value === 'string' ? [value] : [];

/** The response as the form sent it (fields: sectionA…sectionI, preferredSetting, requests[]). */
export function responseFromForm(body: Record<string, unknown> | undefined): DraftPlanResponse {
  const requests = asList(body?.requests);
  const sections: DraftPlanResponse['sections'] = {};
  for (const section of PLAN_SECTIONS) {
    const text = normaliseText(body?.[section.field]);
    if (text) sections[section.key] = text;
  }
  return {
    sections,
    preferredSetting: normaliseText(body?.preferredSetting).replace(/\s+/g, ' '),
    wantsMeeting: requests.includes('meeting'),
    agrees: requests.includes('agree'),
  };
}

/** The form's rules: each section and the setting within their lengths, and something said. */
export function responseSchema(words: ProposalWords) {
  const sections = Object.fromEntries(
    PLAN_SECTIONS.map((section) => [
      section.field,
      z.preprocess(
        normaliseText,
        z
          .string()
          .max(
            MAX_SECTION_LENGTH,
            `Your comments on section ${section.key.toUpperCase()} must be 10,000 characters or fewer`,
          ),
      ),
    ]),
  );
  return z
    .object({
      ...sections,
      preferredSetting: z.preprocess(
        (value) => normaliseText(value).replace(/\s+/g, ' '),
        z.string().max(MAX_SETTING_LENGTH, 'The name of the school or college must be 200 characters or fewer'),
      ),
      requests: z.unknown().optional(),
    })
    .transform((fields, ctx) => {
      const response = responseFromForm(fields);
      const saidSomething =
        Object.keys(response.sections).length > 0 ||
        response.preferredSetting ||
        response.wantsMeeting ||
        response.agrees;
      if (!saidSomething) {
        ctx.addIssue({
          code: 'custom',
          path: ['sectionA'],
          message: `Enter your comments on ${words.thing}, name the school or college you want, ask for a meeting or say that you agree with ${words.thing}`,
        });
        return z.NEVER;
      }
      return response;
    });
}

/** The values to put back in the form. */
export function formValues(response: DraftPlanResponse) {
  const values: Record<string, unknown> = { preferredSetting: response.preferredSetting, requests: [] as string[] };
  for (const section of PLAN_SECTIONS) values[section.field] = response.sections[section.key] ?? '';
  if (response.wantsMeeting) (values.requests as string[]).push('meeting');
  if (response.agrees) (values.requests as string[]).push('agree');
  return values;
}

/** A sent response as summary-list rows: only what was said. */
export function sentRows(response: DraftPlanResponse, childFirstName: string, words: ProposalWords) {
  const rows: { label: string; text: string }[] = [];
  if (response.agrees) rows.push({ label: words.agreeQuestion, text: `Yes, ${words.agree}` });
  for (const section of PLAN_SECTIONS) {
    const text = response.sections[section.key];
    if (text) rows.push({ label: section.label, text });
  }
  if (response.preferredSetting)
    rows.push({ label: `School or college you want for ${childFirstName}`, text: response.preferredSetting });
  if (response.wantsMeeting) rows.push({ label: 'Meeting', text: words.meeting });
  return rows;
}
