import type pg from 'pg';
import { createTestCase } from './cases.js';
import { createUser } from './users.js';

/**
 * Several parents reading My cases while case workers add notes, over real HTTP: every response
 * is checked, so that one user's request answered with another's data (or a lost session, or a
 * 500) is counted. Used by the embedded database's load test and by bench/embedded-load.ts.
 */
export interface MixedLoadUsers {
  parents: { cookie: string; family: string }[];
  caseworkers: { cookie: string; caseIds: string[] }[];
}

export interface LoadResult {
  seconds: number;
  reads: number;
  writes: number;
  wrong: number;
  /** The first few wrong responses, described. */
  examples: string[];
  /** Latency of the parents' reads, milliseconds. */
  readLatency: { p50: number; p99: number };
}

/** Parents with two children each (surnames Family0, Family1…) and case workers for their cases. */
export async function seedMixedLoad(
  pool: pg.Pool,
  cookieFor: (userId: string) => Promise<string>,
  options: { parents: number; caseworkerSessions: number },
): Promise<MixedLoadUsers> {
  const parents: MixedLoadUsers['parents'] = [];
  const caseIds: string[] = [];
  for (let p = 0; p < options.parents; p++) {
    const parent = await createUser(pool, { fullName: `Parent ${p}` });
    const family = `Family${p}`;
    for (const first of ['Ann', 'Ben']) {
      const c = await createTestCase(pool, {
        child: { firstName: first, lastName: family },
        members: [{ userId: parent.id, role: 'parent' }],
      });
      caseIds.push(c.id);
    }
    parents.push({ cookie: await cookieFor(parent.id), family });
  }
  const staff = await createUser(pool, {
    kind: 'staff',
    staffRole: 'caseworker',
    fullName: 'Sam Jones',
    twoFactorMethod: 'app',
  });
  const caseworkers: MixedLoadUsers['caseworkers'] = [];
  // One session a writer: the CSRF token lives in the session.
  for (let i = 0; i < options.caseworkerSessions; i++) caseworkers.push({ cookie: await cookieFor(staff.id), caseIds });
  return { parents, caseworkers };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Runs the load for `seconds`: `readersPerParent` loops reading My cases for each parent, one writing loop per case worker session. */
export async function runMixedLoad(
  baseUrl: string,
  users: MixedLoadUsers,
  options: { seconds: number; readersPerParent: number },
): Promise<LoadResult> {
  const until = Date.now() + options.seconds * 1000;
  const result: LoadResult = {
    seconds: options.seconds,
    reads: 0,
    writes: 0,
    wrong: 0,
    examples: [],
    readLatency: { p50: 0, p99: 0 },
  };
  const latencies: number[] = [];
  const wrong = (what: string) => {
    result.wrong += 1;
    if (result.examples.length < 5) result.examples.push(what);
  };
  const families = users.parents.map((p) => p.family);

  async function reader(parent: MixedLoadUsers['parents'][number]) {
    while (Date.now() < until) {
      const started = performance.now();
      const res = await fetch(`${baseUrl}/cases`, { headers: { cookie: parent.cookie }, redirect: 'manual' });
      const html = await res.text();
      latencies.push(performance.now() - started);
      result.reads += 1;
      const others = families.filter((f) => f !== parent.family && html.includes(f));
      const own = (html.match(new RegExp(`${parent.family}, (Ann|Ben)<`, 'g')) ?? []).length;
      if (res.status !== 200) wrong(`${parent.family}: status ${res.status} ${res.headers.get('location') ?? ''}`);
      else if (others.length > 0) wrong(`${parent.family} was shown ${others.join(', ')}`);
      else if (own < 2) wrong(`${parent.family}'s page named ${own} of their 2 children`);
    }
  }

  async function writer(caseworker: MixedLoadUsers['caseworkers'][number]) {
    let n = 0;
    while (Date.now() < until) {
      const caseId = caseworker.caseIds[n++ % caseworker.caseIds.length];
      const form = await fetch(`${baseUrl}/staff/cases/${caseId}/notes/new`, {
        headers: { cookie: caseworker.cookie },
        redirect: 'manual',
      });
      const page = await form.text();
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1];
      if (form.status !== 200 || !csrf) {
        wrong(`case worker's note form: status ${form.status} ${form.headers.get('location') ?? ''}`);
        continue;
      }
      const posted = await fetch(`${baseUrl}/staff/cases/${caseId}/notes/new`, {
        method: 'POST',
        headers: { cookie: caseworker.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf, body: `Phoned the school (${n}).` }).toString(),
        redirect: 'manual',
      });
      await posted.arrayBuffer();
      result.writes += 1;
      if (posted.status !== 302 || posted.headers.get('location') !== `/staff/cases/${caseId}`) {
        wrong(`case worker's note: status ${posted.status} ${posted.headers.get('location') ?? ''}`);
      }
    }
  }

  const loops = [
    ...users.parents.flatMap((parent) => Array.from({ length: options.readersPerParent }, () => reader(parent))),
    ...users.caseworkers.map(writer),
  ];
  await Promise.all(loops.map((loop) => loop.catch((error: Error) => wrong(`request failed: ${error.message}`))));
  latencies.sort((a, b) => a - b);
  result.readLatency = { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
  return result;
}
