// What `npm run cli -- …` understands: the commands, their options and `--help`.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { CASE_ROLES } from '../cases/access.js';

export const USAGE = `EHC Hub operator commands. Each runs against the database in DATABASE_URL, or the embedded one.

  npm run cli -- invite --email EMAIL --name "FULL NAME" [--case REFERENCE --role ROLE] [--reason "WHY"] [--invited-by "NAME"]
      Invites a parent, carer or young person: creates their account and emails them the
      "Complete your registration" link. With --case, also gives them access to that case;
      ROLE is parent (the default), young-person, education-setting or adviser.
      Example: npm run cli -- invite --email jo@example.com --name "Jo Rogers" --case EHC-000001 --role parent

  npm run cli -- create-admin --email EMAIL --name "FULL NAME"
      Invites a council admin (staff) for the configured council and prints their link.
      Example: npm run cli -- create-admin --email sam.patel@council.gov.uk --name "Sam Patel"

  npm run cli -- demo-case [--coordinator EMAIL]
      Creates a demonstration case (Barney Rogers, whose request arrived 12 days ago) in the
      configured council and prints its reference, ready for "invite --case". Its co-ordinator is
      the staff member with that email (by default the council's first admin).
      Example: npm run cli -- demo-case --coordinator sam.patel@council.gov.uk

  npm run cli -- --help
      Shows this help.`;

export class UsageError extends Error {}

/** `--help`: not a mistake, so it is printed to standard output and the command succeeds. */
export class HelpRequested extends Error {
  constructor() {
    super(USAGE);
  }
}

const email = (name: string) =>
  z
    .string({ error: `--${name} is required` })
    .trim()
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, `--${name} must be an email address`)
    .transform((value) => value.toLowerCase());

const FAMILY_CASE_ROLES = CASE_ROLES.filter((role) => role !== 'coordinator');

const inviteSchema = z
  .object({
    email: email('email'),
    name: z.string({ error: '--name is required' }).trim().min(1, '--name must not be empty'),
    reason: z.string().trim().min(1).optional(),
    'invited-by': z.string().trim().min(1).optional(),
    case: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^EHC-\d{6}$/, '--case must be a case reference like EHC-000001')
      .optional(),
    role: z
      .enum(FAMILY_CASE_ROLES, {
        error: `--role must be one of ${FAMILY_CASE_ROLES.join(', ')} (add a co-ordinator on the staff pages)`,
      })
      .optional(),
  })
  .refine((values) => !values.role || values.case, { message: '--role needs --case: the case to give access to' });

const demoCaseSchema = z.object({ coordinator: email('coordinator').optional() });

export function parseCommand(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      reason: { type: 'string' },
      'invited-by': { type: 'string' },
      case: { type: 'string' },
      role: { type: 'string' },
      coordinator: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (values.help || command === 'help') throw new HelpRequested();
  const fail = (error: z.ZodError) =>
    new UsageError(`${error.issues.map((issue) => issue.message).join('\n')}\n\n${USAGE}`);
  if (command === 'invite' || command === 'create-admin') {
    const parsed = inviteSchema.safeParse(values);
    if (!parsed.success) throw fail(parsed.error);
    if (command === 'create-admin' && parsed.data.case)
      throw new UsageError(`create-admin does not take --case: staff see every case of their council\n\n${USAGE}`);
    return { command: command as 'invite' | 'create-admin', ...parsed.data };
  }
  if (command === 'demo-case') {
    const parsed = demoCaseSchema.safeParse(values);
    if (!parsed.success) throw fail(parsed.error);
    return { command: 'demo-case' as const, ...parsed.data };
  }
  throw new UsageError(command ? `There is no command "${command}".\n\n${USAGE}` : USAGE);
}

export type CliCommand = ReturnType<typeof parseCommand>;
