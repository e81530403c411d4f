import crypto from 'node:crypto';
import type pg from 'pg';
import type { Queryable } from './pool.js';

const allowed = new WeakSet<object>();
const names = new Map<string, string>();

/**
 * Marks a pool whose queries `prepared` may name: PostgreSQL, and PGlite behind our embedded
 * server, which keeps each connection's statement names apart in its one backend session.
 */
export function allowNamedStatements(pool: object): void {
  allowed.add(pool);
}

/**
 * A query PostgreSQL plans once per connection and then reuses (pg's named statements), when `db`
 * is a pool that allows it; a plain query otherwise. For the big queries of the busiest pages,
 * whose planning took longer than running them. The name is the text's hash, so every distinct
 * text (keep the set of them small: values go in parameters) has a name of its own.
 */
export function prepared(db: object, text: string, values: unknown[]): pg.QueryConfig {
  if (!allowed.has(db)) return { text, values };
  let name = names.get(text);
  if (!name) {
    name = `ehc_${crypto.createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return { name, text, values };
}

/** db.query of `prepared(db, text, values)`. */
export function queryPrepared<Row extends pg.QueryResultRow = pg.QueryResultRow>(
  db: Queryable,
  text: string,
  values: unknown[],
): Promise<pg.QueryResult<Row>> {
  return db.query<Row>(prepared(db, text, values));
}
