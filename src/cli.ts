// Operators' commands: `npm run cli -- --help` lists them (invite, create-admin, demo-case).
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { findOrCreateCouncil } from './accounts/councils-data.js';
import { inviteUser } from './accounts/invitations.js';
import { createDemoCase, NoCoordinatorError } from './cli/demo-case.js';
import { HelpRequested, parseCommand, type CliCommand } from './cli/commands.js';
import { clockStartingAt, systemClock, type Clock } from './clock.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openDatabase } from './db/database.js';
import { FolderInUseError } from './db/folder-lock.js';
import { inTransaction } from './db/pool.js';
import { migrate, MigrationError } from './db/migrate.js';
import { createLogger } from './logger.js';
import { startMessageQueue, type MessageQueue } from './notify/queue.js';
import { formatDateTime } from './web/format.js';
import { addPersonToCase } from './staff/case-people/service.js';
import { CASE_ROLE_LABELS } from './cases/access.js';

export { parseCommand, USAGE, UsageError, type CliCommand } from './cli/commands.js';

export interface CliDeps {
  config: Config;
  pool: pg.Pool;
  clock: Clock;
  queue: MessageQueue;
  print: (line: string) => void;
}

export class CommandRefused extends Error {}

/** `invite --case`: gives the invited (or existing) family account access to a case of the council. */
async function inviteToCase(args: Extract<CliCommand, { email: string }>, deps: CliDeps): Promise<void> {
  const council = deps.config.council;
  const { rows } = await deps.pool.query(
    'SELECT c.id FROM cases c JOIN councils co ON co.id = c.council_id WHERE c.reference = $1 AND co.name = $2',
    [args.case, council.name],
  );
  const councilId = (await deps.pool.query('SELECT id FROM councils WHERE name = $1', [council.name])).rows[0]?.id;
  if (!rows[0] || !councilId) throw new CommandRefused(`There is no case ${args.case} at ${council.name}.`);
  const role = args.role ?? 'parent';
  const added = await addPersonToCase(deps, {
    staff: { name: args['invited-by'] ?? council.teamName, councilId },
    caseId: rows[0].id,
    person: { email: args.email, fullName: args.name, role },
  });
  if (added.outcome === 'refused') throw new CommandRefused(added.message);
  if (added.outcome === 'not-found') throw new CommandRefused(`There is no case ${args.case} at ${council.name}.`);
  const what = {
    invited: 'Invitation email queued for',
    notified: 'An email saying they have been added was queued for',
    // A new address, or one with an account elsewhere: which it was is not for this council to know.
    added: 'An invitation (or, if they already have an account, an email saying they have been added) was queued for',
  }[added.outcome];
  deps.print(`${what} ${args.email}: they are ${CASE_ROLE_LABELS[role].toLowerCase()} on case ${args.case}.`);
}

/** Runs one command (from parseCommand) against an open database. */
export async function runCommand(args: CliCommand, deps: CliDeps): Promise<void> {
  const council = deps.config.council;
  if (args.command === 'demo-case') {
    const { reference, coordinator } = await createDemoCase({ ...deps, councilName: council.name }, args.coordinator);
    deps.print(
      `Created the demonstration case ${reference} (Barney Rogers) at ${council.name}, co-ordinated by ${coordinator.name}.`,
    );
    deps.print(
      `Invite a parent to it: npm run cli -- invite --email EMAIL --name "FULL NAME" --case ${reference} --role parent`,
    );
    return;
  }
  if (args.command === 'invite' && args.case) return inviteToCase(args, deps);
  const invitedBy = { name: args['invited-by'] ?? council.teamName };
  const result = await inTransaction(deps.pool, async (client) => {
    if (args.command === 'invite') {
      return inviteUser(client, deps, {
        email: args.email,
        fullName: args.name,
        kind: 'family',
        invitedBy,
        reason: args.reason,
      });
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
    return;
  }
  deps.print(
    `Invitation email queued for ${args.email.toLowerCase()}; the link works until ${formatDateTime(result.expiresAt)}.`,
  );
  if (args.command === 'create-admin') {
    deps.print(`${args.name} is an admin for ${council.name}. Their "Complete your registration" link:`);
    deps.print(result.registrationLink);
  }
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
    if (error instanceof HelpRequested) {
      console.log(error.message);
      return 0;
    }
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
      const clock = config.fixedClock ? clockStartingAt(config.fixedClock) : systemClock;
      await runCommand(command, { config, pool: database.pool, clock, queue, print: (line) => console.log(line) });
      if (database.servedByPid)
        console.log(`The EHC Hub server that is running (pid ${database.servedByPid}) sends the email.`);
      else if (database.embedded) console.log('The email is sent by the EHC Hub server: start it with `npm start`.');
    } finally {
      await queue.stop();
    }
    return 0;
  } catch (error) {
    if (error instanceof MigrationError || error instanceof CommandRefused || error instanceof NoCoordinatorError) {
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
