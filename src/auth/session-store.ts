import connectPgSimple from 'connect-pg-simple';
import type { Request } from 'express';
import session, { type SessionData } from 'express-session';
import type pg from 'pg';
import { queryPrepared } from '../db/statements.js';

/** The columns of `users` that a signed-in request needs (see loadCurrentUser). */
export interface AccountRow {
  id: string;
  email: string;
  full_name: string;
  kind: 'family' | 'staff';
  council_id: string | null;
  staff_role: 'caseworker' | 'admin' | null;
  status: string;
  two_factor_method: 'app' | 'sms' | null;
}

export const ACCOUNT_COLUMNS = 'id, email, full_name, kind, council_id, staff_role, status, two_factor_method';

// The session and, for one that has done both factors, its account: one round trip, not two, on
// every signed-in request. A user id that is not a uuid (never one our sign-in wrote) finds no one.
const SESSION_WITH_ACCOUNT_SQL = `
SELECT s.sess, (SELECT json_build_object(${ACCOUNT_COLUMNS.split(', ')
  .map((column) => `'${column}', u.${column}`)
  .join(', ')})
                  FROM users u
                 WHERE s.sess->'auth'->>'stage' = 'full'
                   AND u.id = CASE WHEN s.sess->'auth'->>'userId' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                                   THEN (s.sess->'auth'->>'userId')::uuid END) AS account
  FROM "session" s
 WHERE s.sid = $1 AND s.expire >= to_timestamp($2)`;

const ACCOUNT = Symbol('account read with the session');
type StoredSession = SessionData & { [ACCOUNT]?: AccountRow | null };
const accountOfRequest = new WeakMap<Request, AccountRow>();

/** The account read with this request's session, if it has done both factors and the user exists. */
export function accountReadWithSession(req: Request): AccountRow | undefined {
  return accountOfRequest.get(req);
}

const PgStore = connectPgSimple(session);

/**
 * connect-pg-simple (sessions in PostgreSQL, pruned, shared by every app process), reading the
 * signed-in account in the same statement as the session.
 */
export function sessionStore(pool: pg.Pool, options: connectPgSimple.PGStoreOptions): InstanceType<typeof PgStore> {
  class SessionAndAccountStore extends PgStore {
    override get(sid: string, callback: (error: unknown, session?: SessionData | null) => void): void {
      queryPrepared<{ sess: unknown; account: AccountRow | null }>(pool, SESSION_WITH_ACCOUNT_SQL, [
        sid,
        Date.now() / 1000,
      ]).then(
        ({ rows: [row] }) => this.found(sid, row, callback),
        (error: unknown) => callback(error),
      );
    }

    private found(
      sid: string,
      row: { sess: unknown; account: AccountRow | null } | undefined,
      callback: (error: unknown, session?: SessionData | null) => void,
    ): void {
      if (!row) return callback(null, null);
      let stored: unknown;
      try {
        stored = typeof row.sess === 'string' ? JSON.parse(row.sess) : row.sess;
      } catch {
        stored = undefined;
      }
      // As connect-pg-simple does with a row it cannot read: there is no such session.
      if (typeof stored !== 'object' || stored === null) return this.destroy(sid, (error) => callback(error, null));
      (stored as StoredSession)[ACCOUNT] = row.account;
      callback(null, stored as SessionData);
    }

    override createSession(req: Request, stored: StoredSession) {
      const account = stored[ACCOUNT];
      if (account) accountOfRequest.set(req, account);
      else accountOfRequest.delete(req);
      delete stored[ACCOUNT];
      return super.createSession(req, stored);
    }
  }
  const store = new SessionAndAccountStore({ pool, ...options });
  // connect-pg-simple starts pruning expired sessions from its own get(), which this store
  // replaces: start it here instead (each prune schedules the next; close() stops them).
  if (options.pruneSessionInterval) {
    const timed = store as unknown as { pruneTimer?: NodeJS.Timeout };
    timed.pruneTimer = setTimeout(() => store.pruneSessions(), options.pruneSessionInterval * 1000).unref();
  }
  return store;
}
