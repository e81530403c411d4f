import { z } from 'zod';
import type { IsoDate } from '../../ehc/index.js';
import { govukDate } from '../../web/forms/dates.js';
import { choice, optionalText, requiredText } from '../../web/forms/fields.js';

export const NEW_CASE_DATE_FIELDS = ['dateOfBirth', 'requestReceived'] as const;
export const MAX_REQUEST_DOCUMENTS = 5;

export function newCaseSchema(today: IsoDate) {
  return z
    .object({
      firstName: requiredText(
        "Enter the child or young person's first name",
        100,
        'First name must be 100 characters or fewer',
      ),
      lastName: requiredText(
        "Enter the child or young person's last name",
        100,
        'Last name must be 100 characters or fewer',
      ),
      dateOfBirth: govukDate({
        label: 'Date of birth',
        missing: "Enter the child or young person's date of birth",
        notAfter: today,
      }),
      school: optionalText(200, 'Education setting must be 200 characters or fewer'),
      requestReceived: govukDate({
        label: 'Date the request was received',
        missing: 'Enter the date the request was received',
        notAfter: today,
      }),
      requestedBy: choice(['parent', 'school', 'young-person', 'other'] as const, 'Select who made the request'),
      requesterName: optionalText(200, 'Name of who made the request must be 200 characters or fewer'),
      requestText: requiredText('Enter the request', 20_000, 'The request must be 20,000 characters or fewer'),
    })
    .superRefine((data, ctx) => {
      if (data.requestedBy === 'other' && !data.requesterName) {
        ctx.addIssue({ code: 'custom', path: ['requesterName'], message: 'Enter the name of who made the request' });
      }
      if (data.requestReceived < data.dateOfBirth) {
        ctx.addIssue({
          code: 'custom',
          path: ['requestReceived'],
          message: 'Date the request was received must be after the date of birth',
        });
      }
    });
}

export type NewCase = z.infer<ReturnType<typeof newCaseSchema>>;
