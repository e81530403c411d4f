import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { parseCommand, runCommand, type CliDeps } from '../../src/cli.js';
import { HelpRequested } from '../../src/cli/commands.js';
import { NoCoordinatorError } from '../../src/cli/demo-case.js';
import { fixedClock } from '../../src/clock.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('npm run cli: the operator commands', () => {
  let t: TestApp;
  let deps: CliDeps;
  const printed: string[] = [];
  const run = (...argv: string[]) => runCommand(parseCommand(argv), deps);

  before(async () => {
    t = await startTestApp({ clock: fixedClock('2026-12-01T10:00:00Z'), deliver: false });
    deps = { config: t.config, pool: t.pool, clock: t.clock, queue: t.queue, print: (line) => printed.push(line) };
  });
  after(() => t.close());

  it('lists every command with an example on --help, and exits 0', () => {
    assert.throws(() => parseCommand(['--help']), HelpRequested);
    assert.throws(() => parseCommand(['invite', '-h']), HelpRequested);
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', '--help'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    for (const command of ['invite', 'create-admin', 'demo-case']) {
      assert.match(result.stdout, new RegExp(`Example: npm run cli -- ${command} `));
    }
    assert.match(result.stdout, /--case REFERENCE --role ROLE/);
  });

  it('says what is wrong with a command', () => {
    assert.throws(() => parseCommand(['invitee']), /There is no command "invitee"/);
    assert.throws(
      () => parseCommand(['invite', '--email', 'a@example.com', '--name', 'A', '--role', 'parent']),
      /--role needs --case/,
    );
    assert.throws(
      () => parseCommand(['invite', '--email', 'a@example.com', '--name', 'A', '--case', '42']),
      /--case must be a case reference like EHC-000001/,
    );
    assert.throws(
      () =>
        parseCommand([
          'invite',
          '--email',
          'a@example.com',
          '--name',
          'A',
          '--case',
          'EHC-000001',
          '--role',
          'coordinator',
        ]),
      /--role must be one of parent, young-person, education-setting, adviser/,
    );
  });

  it('will not make a demo case before the council has staff', async () => {
    await assert.rejects(run('demo-case'), (error: unknown) => {
      assert.ok(error instanceof NoCoordinatorError);
      assert.match(
        error.message,
        /Edgehill Council has no staff yet: create the first admin with "npm run cli -- create-admin"/,
      );
      return true;
    });
  });

  it('makes a demo case dated from today and invites a parent to it', async () => {
    await run('create-admin', '--email', 'first.admin@example.com', '--name', 'First Admin');
    await run('demo-case');
    const reference =
      /Created the demonstration case (EHC-\d{6}) \(Barney Rogers\) at Edgehill Council, co-ordinated by First Admin\./.exec(
        printed.join('\n'),
      )?.[1];
    assert.ok(reference, printed.join('\n'));
    const created = await t.pool.query(
      `SELECT request_received::text, next_due_on::text FROM cases WHERE reference = $1`,
      [reference],
    );
    // Received 12 days before 1st Dec 2026: the decision is still weeks away, as on the guide's card.
    assert.deepEqual(created.rows[0], { request_received: '2026-11-19', next_due_on: '2026-12-30' });

    await run(
      'invite',
      '--email',
      'Jo.Rogers@example.com',
      '--name',
      'Jo Rogers',
      '--case',
      reference.toLowerCase(),
      '--role',
      'parent',
    );
    assert.match(
      printed.at(-1)!,
      new RegExp(`queued for jo.rogers@example.com: they are parent or carer on case ${reference}\\.`),
    );
    const member = await t.pool.query(
      `SELECT m.role, u.status FROM case_members m JOIN users u ON u.id = m.user_id JOIN cases c ON c.id = m.case_id
        WHERE c.reference = $1 AND u.email = 'jo.rogers@example.com' AND m.removed_at IS NULL`,
      [reference],
    );
    assert.deepEqual(member.rows, [{ role: 'parent', status: 'invited' }]);
    const job = await t.pool.query(
      `SELECT data FROM pgboss.job WHERE name = 'send-email' AND data::text LIKE '%jo.rogers@example.com%'`,
    );
    assert.match(JSON.stringify(job.rows[0].data), new RegExp(`added as a parent or carer to case ${reference}`));
  });

  it('refuses a case that does not exist, and a person who already has access', async () => {
    await assert.rejects(
      run('invite', '--email', 'x@example.com', '--name', 'X', '--case', 'EHC-999999'),
      /There is no case EHC-999999 at Edgehill Council\./,
    );
    const reference = /(EHC-\d{6})/.exec(
      printed.find((line) => line.startsWith('Created the demonstration case'))!,
    )![1];
    await assert.rejects(
      run('invite', '--email', 'jo.rogers@example.com', '--name', 'Jo Rogers', '--case', reference),
      /This person already has access to this case/,
    );
  });
});
