import { z } from 'zod';
import { addMonths, isAfter, type IsoDate } from '../ehc/index.js';
import { formatDate } from '../web/format.js';
import { govukDate } from '../web/forms/dates.js';
import { checkbox, choice, optionalText, requiredLongText, requiredText } from '../web/forms/fields.js';
import type { Answers } from './data.js';
import type { RequestSection } from './paths.js';

const LONG = 5000;
const long = (missing: string, name: string) =>
  requiredLongText(missing, LONG, `${name} must be ${LONG} characters or fewer`);
const POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$/i;
const PHONE = /^\+?[0-9 ()-]{10,20}$/;

export const RELATIONSHIPS = {
  parent: 'Parent or carer',
  'young-person': 'I am the young person',
  school: 'School, college or nursery',
} as const;
export type Relationship = keyof typeof RELATIONSHIPS;
export const CONTACT_WAYS = { email: 'Email', phone: 'Telephone', post: 'Post' } as const;
export const YES_NO = { yes: 'Yes', no: 'No' } as const;
export const VIEWS_BY = { 'own-words': 'In their own words', 'on-behalf': 'On their behalf' } as const;
const keys = <T extends Record<string, string>>(labels: T) =>
  Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]];

function childSchema(today: IsoDate) {
  return z
    .object({
      firstName: requiredText('Enter their first name', 100, 'First name must be 100 characters or fewer'),
      lastName: requiredText('Enter their last name', 100, 'Last name must be 100 characters or fewer'),
      dateOfBirth: govukDate({ label: 'Date of birth', missing: 'Enter their date of birth', notAfter: today }),
      address: long('Enter their address', 'Address'),
      postcode: requiredText('Enter their postcode', 10, 'Enter a real postcode, like SW1A 1AA').pipe(
        z.string().regex(POSTCODE, 'Enter a real postcode, like SW1A 1AA'),
      ),
      school: requiredText(
        'Enter their current school or setting, or say that they do not have one',
        200,
        'School or setting must be 200 characters or fewer',
      ),
      inCare: choice(keys(YES_NO), 'Select yes if they are in the care of the local authority'),
      languages: requiredText('Enter the languages they speak', 200, 'Languages must be 200 characters or fewer'),
    })
    .superRefine((form, ctx) => {
      // An EHC needs assessment is for children and young people up to the age of 25.
      if (!isAfter(form.dateOfBirth, addMonths(today, -26 * 12))) {
        ctx.addIssue({
          code: 'custom',
          path: ['dateOfBirth'],
          message: 'They must be aged 25 or under: check the date of birth',
        });
      }
    });
}

const youSchema = z
  .object({
    relationship: choice(keys(RELATIONSHIPS), 'Select your relationship to the child or young person'),
    settingName: optionalText(200, 'Name of the school, college or nursery must be 200 characters or fewer'),
    parentalResponsibility: z.preprocess(
      (value) => (typeof value === 'string' && value ? value : undefined),
      z.enum(keys(YES_NO)).optional(),
    ),
    phone: requiredText(
      'Enter a telephone number',
      20,
      'Enter a telephone number, like 01632 960 001 or 07700 900 982',
    ).pipe(z.string().regex(PHONE, 'Enter a telephone number, like 01632 960 001 or 07700 900 982')),
    contactBy: choice(keys(CONTACT_WAYS), 'Select how you want us to contact you'),
    needHelp: choice(keys(YES_NO), 'Select yes if you need an interpreter or other help'),
    helpDetails: optionalText(500, 'What help you need must be 500 characters or fewer'),
  })
  .superRefine((form, ctx) => {
    if (form.relationship === 'school' && !form.settingName)
      ctx.addIssue({
        code: 'custom',
        path: ['settingName'],
        message: 'Enter the name of the school, college or nursery',
      });
    if (form.relationship === 'parent' && !form.parentalResponsibility) {
      ctx.addIssue({
        code: 'custom',
        path: ['parentalResponsibility'],
        message: 'Select yes if you have parental responsibility for them',
      });
    }
    if (form.needHelp === 'yes' && !form.helpDetails)
      ctx.addIssue({ code: 'custom', path: ['helpDetails'], message: 'Enter what help you need' });
  });

const reasonsSchema = z.object({
  needs: long('Enter their needs', 'Their needs'),
  supportSoFar: long('Enter the support they have had so far', 'The support so far'),
  schoolActions: long(
    'Enter what the school or setting has done, or say that you do not know',
    'What the school or setting has done',
  ),
});

const viewsSchema = z.object({
  viewsBy: choice(keys(VIEWS_BY), 'Select whether these are their own words or written on their behalf'),
  views: long('Enter their views', 'Their views'),
});

const evidenceSchema = z.object({ done: z.literal('yes') });

function declarationSchema(relationship: string | undefined) {
  return z
    .object({
      consent: checkbox.refine(
        (value) => value,
        'Confirm that we may share the request with the professionals we ask for advice',
      ),
      declaration: checkbox.refine((value) => value, 'Confirm that the information you have given is correct'),
      agreement: checkbox,
    })
    .superRefine((form, ctx) => {
      if (relationship === 'school' && !form.agreement) {
        ctx.addIssue({
          code: 'custom',
          path: ['agreement'],
          message: "Confirm that you have the parent's or young person's agreement to ask",
        });
      }
    });
}

export const SECTIONS: readonly RequestSection[] = ['child', 'you', 'reasons', 'views', 'evidence', 'declaration'];

export const SECTION_TITLES: Record<RequestSection, string> = {
  child: 'About the child or young person',
  you: 'About you',
  reasons: 'Why you are asking',
  views: 'Their views',
  evidence: 'Evidence',
  declaration: 'Declaration and consent',
};

export const DATE_FIELDS: Partial<Record<RequestSection, readonly string[]>> = { child: ['dateOfBirth'] };

export function isRequestSection(value: string): value is RequestSection {
  return (SECTIONS as readonly string[]).includes(value);
}

/** The schema a section's answers must meet (the declaration depends on who is asking). */
export function sectionSchema(section: RequestSection, answers: Answers, today: IsoDate): z.ZodType {
  switch (section) {
    case 'child':
      return childSchema(today);
    case 'you':
      return youSchema;
    case 'reasons':
      return reasonsSchema;
    case 'views':
      return viewsSchema;
    case 'evidence':
      return evidenceSchema;
    case 'declaration':
      return declarationSchema(answers.you?.relationship);
  }
}

export type SectionState = 'not-started' | 'in-progress' | 'completed';

export function sectionState(section: RequestSection, answers: Answers, today: IsoDate): SectionState {
  const values = answers[section];
  if (!values) return 'not-started';
  const parsed = sectionSchema(section, answers, today).safeParse(withDates(section, values));
  return parsed.success ? 'completed' : 'in-progress';
}

export function allCompleted(answers: Answers, today: IsoDate): boolean {
  return SECTIONS.every((section) => sectionState(section, answers, today) === 'completed');
}

/** A section's saved answers as its schema reads them (date inputs as one {day, month, year} value). */
export function withDates(section: RequestSection, values: Record<string, string>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...values };
  for (const name of DATE_FIELDS[section] ?? []) {
    result[name] = {
      day: values[`${name}-day`] ?? '',
      month: values[`${name}-month`] ?? '',
      year: values[`${name}-year`] ?? '',
    };
  }
  return result;
}

/** The parsed answers of a complete request. */
export interface CompleteRequest {
  child: z.infer<ReturnType<typeof childSchema>>;
  you: z.infer<typeof youSchema>;
  reasons: z.infer<typeof reasonsSchema>;
  views: z.infer<typeof viewsSchema>;
}

export function completeRequest(answers: Answers, today: IsoDate): CompleteRequest {
  const parse = (section: RequestSection) =>
    sectionSchema(section, answers, today).parse(withDates(section, answers[section] ?? {}));
  return {
    child: parse('child'),
    you: parse('you'),
    reasons: parse('reasons'),
    views: parse('views'),
  } as CompleteRequest;
}

export const formatDateOfBirth = (date: IsoDate) => formatDate(date);
