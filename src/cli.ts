// Operators' commands: `npm run cli -- invite --email … --name …` and `create-admin`.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type pg from 'pg';
import { z } from 'zod';
import { findOrCreateCouncil } from './accounts/councils-data.js';
import { inviteUser, type InviteResult } from './accounts/invitations.js';
import { systemClock, type Clock } from './clock.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openDatabase } from './db/database.js';
import { FolderInUseError } from './db/folder-lock.js';
import { inTransaction } from './db/pool.js';
import { migrate, MigrationError } from './db/migrate.js';
import { createLogger } from './logger.js';
import { startMessageQueue, type MessageQueue } from './notify/queue.js';
import { formatUkDateTime } from './notify/templates/format.js';

export const USAGE = `Usage:
  npm run cli -- invite --email EMAIL --name "FULL NAME" [--reason "WHY"] [--invited-by "NAME"]
      Invites a parent, carer or young person: creates their account and emails them the
      "Complete your registration" link.
  npm run cli -- create-admin --email EMAIL --name "FULL NAME"
      Invites a council admin (staff) for the configured council and prints their link.`;

export interface CliDeps {
  config: Config;
  pool: pg.Pool;
  clock: Clock;
  queue: Pick<MessageQueue, 'queueEmail'>;
  print: (line: string) => void;
}

const argsSchema = z.object({
  email: z.string({ error: '--email is required' }).trim().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, '--email must be an email address'),
  name: z.string({ error: '--name is required' }).trim().min(1, '--name must not be empty'),
  reason: z.string().trim().min(1).optional(),
  'invited-by': z.string().trim().min(1).optional(),
});

export class UsageError extends Error {}

export function parseCommand(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      reason: { type: 'string' },
      'invited-by': { type: 'string' },
    },
  });
  const command = positionals[0];
  if (command !== 'invite' && command !== 'create-admin') throw new UsageError(USAGE);
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) throw new UsageError(`${parsed.error.issues.map((issue) => issue.message).join('\n')}\n\n${USAGE}`);
  return { command, ...parsed.data };
}

export type CliCommand = ReturnType<typeof parseCommand>;

/** Runs one command (from parseCommand) against an open database. */
export async function runCommand(args: CliCommand, deps: CliDeps): Promise<InviteResult> {
  const council = deps.config.council;
  const invitedBy = { name: args['invited-by'] ?? council.teamName };
  const result = await inTransaction(deps.pool, async (client) => {
    if (args.command === 'invite') {
      return inviteUser(client, deps, { email: args.email, fullName: args.name, kind: 'family', invitedBy, reason: args.reason });
    }
    const councilId = await findOrCreateCouncil(client, council.name);
    return inviteUser(client, deps, {
      email: args.email,
      fullName: args.name,
      kind: 'staff',
      councilId,
      staffRole: 'admin',
      invitedBy,
      reason: args.reason,
    });
  });
  if (result.outcome === 'already-registered') {
    deps.print(`${args.email} already has an EHC Hub account (${result.status}): no invitation was sent.`);
    return result;
  }
  deps.print(`Invitation email queued for ${args.email.toLowerCase()}; the link works until ${formatUkDateTime(result.expiresAt)}.`);
  if (args.command === 'create-admin') {
    deps.print(`${args.name} is an admin for ${council.name}. Their "Complete your registration" link:`);
    deps.print(result.registrationLink);
  }
  return result;
}

async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Check these settings:\n${error.message}`);
      return 1;
    }
    throw error;
  }
  let command: CliCommand;
  try {
    command = parseCommand(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  let database;
  try {
    // While `npm start` runs on the embedded database, reach it through the server.
    database = await openDatabase(config, logger, { shareRunningServer: true });
  } catch (error) {
    if (error instanceof FolderInUseError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  try {
    await migrate(database.pool);
    const queue = await startMessageQueue(database.connectionString, logger);
    try {
      await runCommand(command, { config, pool: database.pool, clock: systemClock, queue, print: (line) => console.log(line) });
      if (database.servedByPid) console.log(`The EHC Hub server that is running (pid ${database.servedByPid}) sends the email.`);
      else if (database.embedded) console.log('The email is sent by the EHC Hub server: start it with `npm start`.');
    } finally {
      await queue.stop();
    }
    return 0;
  } catch (error) {
    if (error instanceof MigrationError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
