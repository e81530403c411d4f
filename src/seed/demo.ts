import type pg from 'pg';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';

export interface DemoSignIns {
  lines: string[];
}

/**
 * Development only: on first start, a council, a staff user and a family with Barney Rogers'
 * case from the parent guide, so that a newcomer can sign in as either at once.
 */
export async function seedDemoData(pool: pg.Pool, config: Config, _clock: Clock): Promise<DemoSignIns> {
  await pool.query('INSERT INTO councils (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [config.council.name]);
  return { lines: ['(The demo accounts arrive with the accounts feature.)'] };
}
