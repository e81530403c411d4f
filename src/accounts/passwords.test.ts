import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ARGON2_IN_FLIGHT, argon2Load, hashPassword, verifyPassword } from './passwords.js';

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

describe('password hashing', () => {
  it('uses argon2id with 19 MiB, 2 passes and 1 lane', async () => {
    const hash = await hashPassword('Tuesday-Kettle');
    assert.match(hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    assert.equal(await verifyPassword(hash, 'Tuesday-Kettle'), true);
    assert.equal(await verifyPassword(hash, 'tuesday-kettle'), false);
    assert.equal(await verifyPassword('not a hash', 'Tuesday-Kettle'), false);
  });

  it('does the same work when there is no hash to check, so timing tells nothing', async () => {
    const hash = await hashPassword('Tuesday-Kettle');
    await verifyPassword(undefined, 'warm up');
    const real: number[] = [];
    const dummy: number[] = [];
    for (let i = 0; i < 3; i++) {
      real.push(await timed(() => verifyPassword(hash, 'Wrong-Guess!')));
      dummy.push(await timed(() => verifyPassword(undefined, 'Wrong-Guess!')));
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[1];
    assert.equal(await verifyPassword(undefined, 'anything'), false);
    // Loose bounds: the point is that an argon2 check happens, not a precise match.
    assert.ok(median(dummy) > median(real) / 3, `dummy ${median(dummy)} ms vs real ${median(real)} ms`);
  });

  it('runs at most two hashes at once, so a burst of sign-ins leaves libuv threads for static files', async () => {
    const hash = await hashPassword('Tuesday-Kettle');
    const burst = Array.from({ length: 6 }, () => verifyPassword(hash, 'Tuesday-Kettle'));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(ARGON2_IN_FLIGHT, 2);
    assert.deepEqual(argon2Load(), { running: 2, waiting: 4 });
    assert.deepEqual(await Promise.all(burst), Array(6).fill(true));
    assert.deepEqual(argon2Load(), { running: 0, waiting: 0 });
  });
});
