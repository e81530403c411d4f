// Many children and cases for the benchmarks (bench/pages.ts, bench/work-tray.ts).
import type pg from 'pg';

export const FIRST_NAMES = [
  'Barney',
  'Amelia',
  'Oliver',
  'Isla',
  'George',
  'Ava',
  'Noah',
  'Mia',
  'Leo',
  'Ivy',
  'Arthur',
  'Freya',
  'Muhammad',
  'Lily',
  'Harry',
  'Sophia',
];

export const LAST_NAMES = [
  'Rogers',
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Johnson',
  'Davies',
  'Patel',
  'Robinson',
  'Wright',
  'Thompson',
  'Evans',
  'Walker',
  'Khan',
  'Green',
  'Hall',
  'Wood',
  'Clarke',
];

/**
 * `count` children and their cases in one statement, names, stages and due dates spread out; with
 * a second council, every tenth case is that council's. With `parents`, each case gets a parent of
 * its own, as real cases have: without them the planner's statistics say a user has thousands of
 * cases, and PostgreSQL re-plans My cases on every view instead of keeping one plan.
 */
export async function insertManyCases(
  pool: pg.Pool,
  options: { count: number; councilIds: string[]; today: string; parents?: boolean },
): Promise<void> {
  await pool.query(
    `WITH kids AS (
       INSERT INTO children (first_name, last_name, date_of_birth)
       SELECT ($1::text[])[1 + (i * 7) % cardinality($1::text[])],
              ($2::text[])[1 + (i * 13) % cardinality($2::text[])] || CASE WHEN i % 3 = 0 THEN '' ELSE (i % 997)::text END,
              date '2008-01-01' + (i % 5000)
         FROM generate_series(1, $3::int) AS i
       RETURNING id)
     INSERT INTO cases (council_id, child_id, request_received, requested_by, current_stage, next_due_label, next_due_on)
     SELECT CASE WHEN cardinality($4::uuid[]) > 1 AND n % 10 = 0 THEN ($4::uuid[])[2] ELSE ($4::uuid[])[1] END,
            k.id, $5::date - (n % 700), 'school',
            (ARRAY['request', 'decision', 'assessment', 'draft-plan', 'final-plan', 'annual-review'])[1 + n % 6],
            'Decision due',
            CASE WHEN n % 11 = 0 THEN NULL ELSE $5::date - 200 + (n * 37) % 400 END
       FROM (SELECT id, (row_number() OVER ())::int AS n FROM kids) k`,
    [FIRST_NAMES, LAST_NAMES, options.count, options.councilIds, options.today],
  );
  if (!options.parents) return;
  await pool.query(
    `WITH parents AS (
       INSERT INTO users (email, full_name, kind, status)
       SELECT 'parent-of-' || c.id || '@bench.example.com', 'Parent of ' || c.reference, 'family', 'invited'
         FROM cases c WHERE c.council_id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM case_members m WHERE m.case_id = c.id)
       RETURNING id, email)
     INSERT INTO case_members (case_id, user_id, role)
     SELECT substring(p.email FROM 11 FOR 36)::uuid, p.id, 'parent' FROM parents p`,
    [options.councilIds],
  );
}
