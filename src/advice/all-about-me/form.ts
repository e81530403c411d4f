import { z } from 'zod';
import { normaliseText } from '../../web/forms/fields.js';
import { ruleErrors } from '../../web/forms/parse.js';
import type { FormErrors } from '../../web/forms/errors.js';
import type { AllAboutMe } from './data.js';

const MAX = 10_000;
const section = (name: string) =>
  z
    .preprocess(normaliseText, z.string().max(MAX, `${name} must be 10,000 characters or fewer`))
    .transform((value) => value || undefined);

export const allAboutMeSchema = z.object({
  parentViews: section('Your views'),
  admire: section('What people like and admire'),
  important: section('What is important'),
  support: section('How best to support'),
  hopes: section('Hopes for the future'),
});

/** The sections as the pages name them, in order ("me": the child's own words). */
export const ALL_ABOUT_ME_SECTIONS: { key: keyof AllAboutMe; title: string }[] = [
  { key: 'parentViews', title: 'The views of the parent or carer' },
  { key: 'admire', title: 'What people like and admire about me' },
  { key: 'important', title: 'What is important to me' },
  { key: 'support', title: 'How best to support me' },
  { key: 'hopes', title: 'My hopes for the future' },
];

/** Something must be written before it is sent. */
export function allAboutMeMissing(views: AllAboutMe | undefined): FormErrors | undefined {
  const written = ALL_ABOUT_ME_SECTIONS.some((section) => views?.[section.key]);
  return written ? undefined : ruleErrors([['parentViews', 'Write at least one section before you send it']]);
}
