/**
 * What the family has added to a case since a member of staff last looked at it (their row in
 * case_last_visits, written by the staff case page): for the work tray and the daily digest.
 * A case they have never opened counts everything the family has added.
 */

export interface NewActivity {
  comments: number;
  documents: number;
  amendments: number;
  responses: number;
}

const SINCE = `COALESCE(v.visited_at, '-infinity'::timestamptz)`;

/**
 * SQL for a query over `cases c`: the join to the viewer's last look (their id is `staffParam`),
 * the condition "the family added something since", and the four counts as columns. The counts
 * are only worked out for a case with something new (a CASE runs its subquery only when needed).
 */
export function newActivitySql(staffParam: string) {
  const isNew = `c.family_activity_at > ${SINCE}`;
  const counted = (name: string, sql: string) => `CASE WHEN ${isNew} THEN (${sql}) ELSE 0 END AS ${name}`;
  return {
    join: `LEFT JOIN case_last_visits v ON v.case_id = c.id AND v.user_id = ${staffParam}`,
    isNew,
    columns: [
      counted(
        'new_comments',
        `SELECT count(*) FROM case_comments k WHERE k.case_id = c.id AND k.created_at > ${SINCE}`,
      ),
      counted(
        'new_documents',
        `SELECT count(*) FROM documents d WHERE d.case_id = c.id AND d.kind = 'family-upload' AND d.removed_at IS NULL AND d.uploaded_at > ${SINCE}`,
      ),
      counted(
        'new_amendments',
        `SELECT count(*) FROM case_request_versions r WHERE r.case_id = c.id AND r.version > 1 AND r.amended_by IS NOT NULL AND r.amended_at > ${SINCE}`,
      ),
      counted(
        'new_responses',
        `SELECT count(*) FROM draft_plan_responses p WHERE p.case_id = c.id AND p.created_at > ${SINCE}`,
      ),
    ].join(',\n       '),
  };
}

export const activityOf = (row: {
  new_comments: string | number;
  new_documents: string | number;
  new_amendments: string | number;
  new_responses: string | number;
}): NewActivity => ({
  comments: Number(row.new_comments),
  documents: Number(row.new_documents),
  amendments: Number(row.new_amendments),
  responses: Number(row.new_responses),
});

const counted = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "2 new comments, 1 document, 1 change to the request"; undefined when nothing is new. */
export function activitySummary(activity: NewActivity): string | undefined {
  const parts = [
    activity.comments && counted(activity.comments, 'comment', 'comments'),
    activity.documents && counted(activity.documents, 'document', 'documents'),
    activity.amendments && counted(activity.amendments, 'change to the request', 'changes to the request'),
    activity.responses && counted(activity.responses, 'response to a plan', 'responses to a plan'),
  ].filter((part): part is string => Boolean(part));
  if (parts.length === 0) return undefined;
  parts[0] = parts[0].replace(/^(\d+) /, '$1 new ');
  return parts.join(', ');
}
