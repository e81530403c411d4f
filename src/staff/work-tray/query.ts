import { addDays, type IsoDate, type StageId } from '../../ehc/index.js';
import { queryPrepared } from '../../db/statements.js';
import { adviceOverdue } from '../../advice/overdue.js';
import type { Queryable } from '../../db/pool.js';
import { activityOf, activitySummary, newActivitySql } from './activity.js';

export const TRAY_PAGE_SIZE = 50;

export interface TrayFilters {
  stage?: StageId;
  /** 'overdue': the next council date has passed; 'soon': it falls in the next 2 weeks (today included). */
  due?: 'overdue' | 'soon' | 'advice-overdue';
  /** A child's name, matched from the start of the first or last name, or a case reference. */
  search?: string;
  /** 'new': the family has added something since the viewer last looked at the case. */
  activity?: 'new';
  /** Only the cases the viewer co-ordinates. */
  mine?: boolean;
  /** 'due' (the default): soonest statutory date first; 'activity': latest from the family first. */
  sort?: 'due' | 'activity';
  /** The member of staff looking: whose "last looked" and "my cases" these are. */
  viewerId?: string;
  page: number;
}

export interface TrayRow {
  id: string;
  reference: string;
  firstName: string;
  lastName: string;
  stage: StageId;
  nextDueLabel: string | null;
  nextDueOn: string | null;
  overdue: boolean;
  /** "2 new comments, 1 document": what the family added since the viewer last looked. */
  newActivity?: string;
}

export interface TrayPage {
  rows: TrayRow[];
  total: number;
  page: number;
  pageCount: number;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The WHERE clause for the filters. Each filter matches an index of migration 030: the council
 * and stage with the due date, and the children's lower-case name prefixes.
 */
export function trayConditions(
  councilId: string,
  filters: TrayFilters,
  today: IsoDate,
): { where: string; params: unknown[]; needsChildren: boolean } {
  const params: unknown[] = [councilId];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const conditions = ['c.council_id = $1'];
  if (filters.stage) conditions.push(`c.current_stage = ${param(filters.stage)}`);
  if (filters.due === 'overdue') conditions.push(`c.next_due_on < ${param(today)}::date`);
  if (filters.due === 'advice-overdue') conditions.push(adviceOverdue(param(today)));
  if (filters.due === 'soon') {
    conditions.push(`c.next_due_on BETWEEN ${param(today)}::date AND ${param(addDays(today, 14))}::date`);
  }
  if (filters.viewerId && filters.mine) {
    conditions.push(
      `EXISTS (SELECT 1 FROM case_members cm WHERE cm.case_id = c.id AND cm.user_id = ${param(filters.viewerId)} AND cm.role = 'coordinator' AND cm.removed_at IS NULL)`,
    );
  }
  if (filters.viewerId && filters.activity === 'new') {
    const viewer = param(filters.viewerId);
    conditions.push(
      `c.family_activity_at > COALESCE((SELECT lv.visited_at FROM case_last_visits lv WHERE lv.case_id = c.id AND lv.user_id = ${viewer}), '-infinity'::timestamptz)`,
    );
  }
  const search = (filters.search ?? '').trim().toLowerCase();
  const reference = /^ehc-?(\d{1,6})$/.exec(search);
  if (reference) {
    conditions.push(`c.reference = ${param(`EHC-${reference[1].padStart(6, '0')}`)}`);
  } else if (search) {
    const words = search
      .split(/[\s,]+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((word) => `${escapeLike(word)}%`);
    const first = 'lower(ch.first_name) LIKE';
    const last = 'lower(ch.last_name) LIKE';
    if (words.length === 1) {
      const word = param(words[0]);
      conditions.push(`(${last} ${word} OR ${first} ${word})`);
    } else {
      const [a, b] = [param(words[0]), param(words[1])];
      conditions.push(`((${first} ${a} AND ${last} ${b}) OR (${last} ${a} AND ${first} ${b}))`);
    }
  }
  return { where: conditions.join(' AND '), params, needsChildren: Boolean(search) && !reference };
}

/**
 * The number of cases the filters match. Unfiltered or by stage alone, from the counts migration
 * 095 keeps up to date (a sequential scan of the council's cases otherwise); the due-date and name
 * filters depend on today and the search, so they are counted.
 */
async function countOf(
  db: Queryable,
  councilId: string,
  filters: TrayFilters,
  query: { from: string; where: string; params: unknown[] },
): Promise<number> {
  const counted =
    filters.due || filters.search?.trim() || filters.mine || filters.activity
      ? await db.query(`SELECT count(*) AS total FROM ${query.from} WHERE ${query.where}`, query.params)
      : await queryPrepared(
          db,
          `SELECT coalesce(sum(cases), 0) AS total FROM case_counts WHERE council_id = $1 AND ($2::text IS NULL OR current_stage = $2)`,
          [councilId, filters.stage ?? null],
        );
  return Number(counted.rows[0].total);
}

/** Who looked at the tray, for its audit row ('staff.work-tray.viewed'); the page is added. */
export interface TrayViewed {
  actorUserId: string;
  ip: string | undefined;
  at: Date;
  details: Record<string, unknown>;
}

/**
 * One page of the council's cases, soonest statutory date first (cases with none last). Without
 * a name search, the count and the page's ids come from the cases indexes alone (index-only
 * scans, even for a deep page), and only the page's 50 rows are joined to the children. With
 * `viewed`, the same statement writes the audit row of the look.
 */
export async function workTrayPage(
  db: Queryable,
  councilId: string,
  filters: TrayFilters,
  today: IsoDate,
  viewed?: TrayViewed,
): Promise<TrayPage> {
  const { where, params, needsChildren } = trayConditions(councilId, filters, today);
  const from = needsChildren ? 'cases c JOIN children ch ON ch.id = c.child_id' : 'cases c';
  const total = await countOf(db, councilId, filters, { from, where, params });
  const pageCount = Math.max(1, Math.ceil(total / TRAY_PAGE_SIZE));
  const page = Math.min(Math.max(1, filters.page), pageCount);
  const values = [...params];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  const activity = newActivitySql(`${param(filters.viewerId ?? null)}::uuid`);
  const logged = viewed
    ? `logged AS (
       INSERT INTO audit_log (action, actor_user_id, ip, details, at)
       VALUES ('staff.work-tray.viewed', ${param(viewed.actorUserId)}::uuid, ${param(viewed.ip ?? null)}::text,
               ${param(JSON.stringify({ ...viewed.details, page }))}::jsonb, ${param(viewed.at)}::timestamptz)),`
    : '';
  // The offset is written into the text, a number of our own: as a parameter, PostgreSQL would
  // plan the first page afresh on every view (it cannot tell that a generic plan's offset is
  // small). The first page, what nearly every view shows, is then one prepared statement per
  // filter; a deeper page, or a name search (a generic plan cannot use the name indexes for a
  // LIKE parameter), is planned for its values.
  const offset = (page - 1) * TRAY_PAGE_SIZE;
  const order = (alias: string) =>
    `${filters.sort === 'activity' ? `${alias}.family_activity_at DESC NULLS LAST, ` : ''}${alias}.next_due_on ASC NULLS LAST, ${alias}.id`;
  const text = `WITH ${logged} page AS (
       SELECT c.id, c.next_due_on, c.family_activity_at FROM ${from} WHERE ${where}
        ORDER BY ${order('c')}
        LIMIT ${TRAY_PAGE_SIZE} OFFSET ${offset})
     SELECT c.id, c.reference, c.current_stage, c.next_due_label, c.next_due_on, ch.first_name, ch.last_name,
       ${activity.columns}
       FROM page JOIN cases c ON c.id = page.id JOIN children ch ON ch.id = c.child_id ${activity.join}
      ORDER BY ${order('page')}`;
  const { rows } = needsChildren || offset > 0 ? await db.query(text, values) : await queryPrepared(db, text, values);
  return {
    total,
    page,
    pageCount,
    rows: rows.map((row) => ({
      id: row.id,
      reference: row.reference,
      firstName: row.first_name,
      lastName: row.last_name,
      stage: row.current_stage,
      nextDueLabel: row.next_due_label,
      nextDueOn: row.next_due_on,
      overdue: row.next_due_on !== null && row.next_due_on < today,
      newActivity: activitySummary(activityOf(row)),
    })),
  };
}
