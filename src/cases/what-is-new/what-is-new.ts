import { visibleDocument } from '../access.js';
import type { Queryable } from '../../db/pool.js';
import { casePaths } from '../paths.js';
import { paths } from '../../web/paths.js';
import { timelineEntry } from '../view-format.js';
import { queryPrepared } from '../../db/statements.js';

export type NewItemKind =
  'document' | 'comment' | 'request-amended' | 'draft-plan-response' | 'amendments-response' | 'note';

export interface NewItem {
  kind: NewItemKind;
  at: Date;
  /** "Jane Rogers added comments on behalf of Barney" */
  text: string;
  href: string;
  when: string;
  whenIso: string;
}

export interface WhatIsNew {
  /** The user's previous visit; null on a first visit (then nothing is called new). */
  since: Date | null;
  items: NewItem[];
}

const MAX_ITEMS = 50;

// Everything others added since the member's last visit, that this member may see. The first
// CTE is the membership check: a non-member gets no row, and so nothing at all.
const ME_CTE = `me AS (
  SELECT m.role, v.visited_at, ch.first_name
    FROM case_members m
    JOIN cases c ON c.id = m.case_id JOIN children ch ON ch.id = c.child_id
    LEFT JOIN case_last_visits v ON v.case_id = m.case_id AND v.user_id = m.user_id
   WHERE m.case_id = $1 AND m.user_id = $2 AND m.removed_at IS NULL AND v.visited_at IS NOT NULL
)`;

const ITEMS_SQL = `
SELECT 'document' AS kind, d.uploaded_at AS happened_at, u.full_name, me.first_name, false AS on_behalf
  FROM me JOIN documents d ON d.case_id = $1 AND d.uploaded_at > me.visited_at AND d.removed_at IS NULL LEFT JOIN users u ON u.id = d.uploaded_by
 WHERE d.uploaded_by IS DISTINCT FROM $2 AND ${visibleDocument('d', 'me')}
UNION ALL
SELECT 'comment', k.created_at, u.full_name, me.first_name, k.on_behalf_of_child
  FROM me JOIN case_comments k ON k.case_id = $1 AND k.created_at > me.visited_at JOIN users u ON u.id = k.author_user_id
 WHERE k.author_user_id <> $2 AND me.role IN ('parent', 'young-person', 'coordinator')
UNION ALL
SELECT 'request-amended', r.amended_at, u.full_name, me.first_name, false
  FROM me JOIN case_request_versions r ON r.case_id = $1 AND r.version > 1 AND r.amended_at > me.visited_at
  JOIN users u ON u.id = r.amended_by
 WHERE r.amended_by <> $2
UNION ALL
SELECT CASE WHEN p.amendments_proposed_on IS NULL THEN 'draft-plan-response' ELSE 'amendments-response' END, p.created_at, u.full_name, me.first_name, false
  FROM me JOIN draft_plan_responses p ON p.case_id = $1 AND p.created_at > me.visited_at JOIN users u ON u.id = p.author_user_id
 WHERE p.author_user_id <> $2 AND me.role IN ('parent', 'young-person', 'coordinator')
UNION ALL
SELECT 'note', n.created_at, u.full_name, me.first_name, false
  FROM me JOIN case_notes n ON n.case_id = $1 AND n.created_at > me.visited_at AND NOT n.internal LEFT JOIN users u ON u.id = n.author_user_id
 WHERE n.author_user_id IS DISTINCT FROM $2
ORDER BY happened_at DESC
LIMIT ${MAX_ITEMS}`;

const NEW_SINCE_SQL = `WITH ${ME_CTE} ${ITEMS_SQL}`;

const MARK_VISITED_SQL = `
INSERT INTO case_last_visits (user_id, case_id, visited_at)
SELECT m.user_id, m.case_id, $3 FROM case_members m WHERE m.case_id = $1 AND m.user_id = $2 AND m.removed_at IS NULL
ON CONFLICT (user_id, case_id) DO UPDATE SET visited_at = EXCLUDED.visited_at`;

// The case page's visit in one round trip: the audit row, the new last visit and what was new
// since the previous one. Every part of one statement sees the data as it was before it, so `me`
// still reads the previous visit while `marked` replaces it.
const VISIT_SQL = `
WITH ${ME_CTE},
logged AS (
  INSERT INTO audit_log (action, actor_user_id, case_id, ip, details, at) VALUES ('case.viewed', $2, $1, $4, '{"page":"case"}', $3)
),
marked AS (${MARK_VISITED_SQL}),
items AS (${ITEMS_SQL})
SELECT (SELECT visited_at FROM me) AS since, items.* FROM (SELECT 1) AS one LEFT JOIN items ON true
ORDER BY items.happened_at DESC`;

/** A row of ITEMS_SQL. */
interface ItemRow {
  kind: NewItemKind;
  happened_at: Date;
  full_name: string | null;
  on_behalf: boolean | null;
  first_name: string | null;
}

function describe(row: ItemRow, caseId: string): { text: string; href: string } {
  const by = row.full_name ?? 'The council';
  switch (row.kind) {
    case 'document':
      return { text: `${by} added a document`, href: casePaths.documents(caseId) };
    case 'comment':
      return {
        text: row.on_behalf ? `${by} added comments on behalf of ${row.first_name}` : `${by} added comments`,
        href: casePaths.comments(caseId),
      };
    case 'request-amended':
      return { text: `${by} amended the request`, href: casePaths.request(caseId) };
    case 'draft-plan-response':
      return { text: `${by} responded to the draft plan`, href: casePaths.draftPlan(caseId) };
    case 'amendments-response':
      return { text: `${by} responded to the proposed changes`, href: casePaths.proposedChanges(caseId) };
    case 'note':
      return { text: `${by} added a note to the timeline`, href: paths.case(caseId) };
  }
}

/**
 * What others have added to the case since this user last visited it (see markCaseVisited),
 * newest first, limited to what they may see; nothing for a non-member or a first visit.
 */
export async function whatIsNewSince(db: Queryable, caseId: string, userId: string): Promise<WhatIsNew> {
  const visit = await db.query(
    `SELECT v.visited_at FROM case_last_visits v
       JOIN case_members m ON m.case_id = v.case_id AND m.user_id = v.user_id AND m.removed_at IS NULL
      WHERE v.case_id = $1 AND v.user_id = $2`,
    [caseId, userId],
  );
  const since: Date | null = visit.rows[0]?.visited_at ?? null;
  if (!since) return { since: null, items: [] };
  const { rows } = await db.query(NEW_SINCE_SQL, [caseId, userId]);
  return { since, items: itemsOf(rows, caseId) };
}

function itemsOf(rows: ItemRow[], caseId: string): NewItem[] {
  return rows.map((row) => {
    const { when, whenIso } = timelineEntry(null, row.happened_at);
    return { kind: row.kind, at: row.happened_at, ...describe(row, caseId), when, whenIso };
  });
}

/**
 * A member opening the case page: audits the view ('case.viewed'), records the visit and returns
 * what was new since the previous one, as whatIsNewSince then markCaseVisited would, in one query.
 */
export async function visitCase(
  db: Queryable,
  caseId: string,
  userId: string,
  at: Date,
  ip: string | undefined,
): Promise<WhatIsNew> {
  // One row with `since`, and the items (all null when there are none: a LEFT JOIN).
  const { rows } = await queryPrepared<ItemRow & { since: Date | null }>(db, VISIT_SQL, [
    caseId,
    userId,
    at,
    ip ?? null,
  ]);
  const since = rows[0]?.since ?? null;
  if (!since) return { since: null, items: [] };
  return {
    since,
    items: itemsOf(
      rows.filter((row) => row.kind !== null),
      caseId,
    ),
  };
}

/** Records that the user has just looked at the case (only for an active member). */
export async function markCaseVisited(db: Queryable, caseId: string, userId: string, at: Date): Promise<void> {
  await db.query(MARK_VISITED_SQL, [caseId, userId, at]);
}
