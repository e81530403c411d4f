import { z } from 'zod';
import { govukDate } from '../../web/forms/dates.js';
import { checkbox, requiredText } from '../../web/forms/fields.js';

export const noteSchema = z.object({
  body: requiredText('Enter the note', 5000, 'The note must be 5,000 characters or fewer'),
  internal: checkbox,
});

export const keyDateSchema = z.object({
  label: requiredText('Enter what the date is for', 200, 'What the date is for must be 200 characters or fewer'),
  onDate: govukDate({ label: 'Date', missing: 'Enter the date' }),
  internal: checkbox,
});
