import type { FeatureDeps } from '../../deps.js';
import { audit } from '../../audit/audit.js';
import { inTransaction } from '../../db/pool.js';
import { ACTIVE_MEMBER_JOIN, findMemberCase, isFamily } from '../access.js';
import { userName } from '../member-facts.js';
import type { Queryable } from '../../db/pool.js';
import { emailCoordinators } from './coordinator-email.js';

export const MAX_COMMENT_LENGTH = 10_000;

export interface CaseComment {
  id: string;
  authorName: string;
  authorIsMe: boolean;
  onBehalfOfChild: boolean;
  body: string;
  stage: string;
  createdAt: Date;
}

export interface CommentDraft {
  body: string;
  /** null until the parent has said whose comments these are. */
  onBehalfOfChild: boolean | null;
}

interface CommentRow {
  id: string;
  author_user_id: string;
  full_name: string;
  on_behalf_of_child: boolean;
  body: string;
  stage: string;
  created_at: Date;
}

const toComment =
  (userId: string | undefined) =>
  (row: CommentRow): CaseComment => ({
    id: row.id,
    authorName: row.full_name,
    authorIsMe: row.author_user_id === userId,
    onBehalfOfChild: row.on_behalf_of_child,
    body: row.body,
    stage: row.stage,
    createdAt: row.created_at,
  });

const COMMENT_COLUMNS = `k.id, k.author_user_id, u.full_name, k.on_behalf_of_child, k.body, k.stage, k.created_at`;

/** The family's comments on a case, newest first, for an active member (none for anyone else). */
export async function commentsForMember(db: Queryable, caseId: string, userId: string): Promise<CaseComment[]> {
  const { rows } = await db.query(
    `SELECT ${COMMENT_COLUMNS}
       FROM cases c ${ACTIVE_MEMBER_JOIN}
       JOIN case_comments k ON k.case_id = c.id JOIN users u ON u.id = k.author_user_id
      WHERE c.id = $1 AND m.role IN ('parent', 'young-person', 'coordinator')
      ORDER BY k.created_at DESC, k.id`,
    [caseId, userId],
  );
  return rows.map(toComment(userId));
}

/** Every family comment on a case, newest first. No access check: for council staff pages. */
export async function familyComments(db: Queryable, caseId: string): Promise<CaseComment[]> {
  const { rows } = await db.query(
    `SELECT ${COMMENT_COLUMNS} FROM case_comments k JOIN users u ON u.id = k.author_user_id
      WHERE k.case_id = $1 ORDER BY k.created_at DESC, k.id`,
    [caseId],
  );
  return rows.map(toComment(undefined));
}

export async function findDraft(db: Queryable, caseId: string, userId: string): Promise<CommentDraft | undefined> {
  const { rows } = await db.query(
    `SELECT d.body, d.on_behalf_of_child FROM case_comment_drafts d
       JOIN case_members m ON m.case_id = d.case_id AND m.user_id = d.user_id AND m.removed_at IS NULL
      WHERE d.case_id = $1 AND d.user_id = $2`,
    [caseId, userId],
  );
  return rows[0] && { body: rows[0].body, onBehalfOfChild: rows[0].on_behalf_of_child };
}

/** Keeps what the user has written so far, whatever happens next (an error, a time-out). */
export async function saveDraft(
  db: Queryable,
  caseId: string,
  userId: string,
  draft: CommentDraft,
  at: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO case_comment_drafts (case_id, user_id, body, on_behalf_of_child, updated_at)
     SELECT c.id, $2, $3, $4, $5 FROM cases c ${ACTIVE_MEMBER_JOIN} WHERE c.id = $1
     ON CONFLICT (case_id, user_id) DO UPDATE
       SET body = EXCLUDED.body, on_behalf_of_child = EXCLUDED.on_behalf_of_child, updated_at = EXCLUDED.updated_at`,
    [caseId, userId, draft.body, draft.onBehalfOfChild, at],
  );
}

export type SendResult = { ok: true } | { ok: false; reason: 'not-found' | 'no-draft' };

/** Sends the user's checked draft: stored, audited, the co-ordinator emailed, the draft gone. */
export async function sendDraft(
  deps: Pick<FeatureDeps, 'pool' | 'config' | 'queue' | 'clock'>,
  input: { caseId: string; userId: string; ip?: string },
): Promise<SendResult> {
  const at = deps.clock.now();
  return inTransaction(deps.pool, async (client) => {
    const memberCase = await findMemberCase(client, input.caseId, input.userId, { lock: true });
    if (!memberCase || !isFamily(memberCase.role)) return { ok: false, reason: 'not-found' } as const;
    const { rows } = await client.query(
      `DELETE FROM case_comment_drafts WHERE case_id = $1 AND user_id = $2 RETURNING body, on_behalf_of_child`,
      [input.caseId, input.userId],
    );
    const draft = rows[0];
    if (!draft || !draft.body.trim() || draft.body.length > MAX_COMMENT_LENGTH || draft.on_behalf_of_child === null)
      return { ok: false, reason: 'no-draft' } as const;
    const onBehalfOfChild = memberCase.role === 'parent' && draft.on_behalf_of_child === true;
    const inserted = await client.query(
      `INSERT INTO case_comments (case_id, author_user_id, on_behalf_of_child, body, stage, created_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [input.caseId, input.userId, onBehalfOfChild, draft.body, memberCase.currentStage, at],
    );
    await audit(
      client,
      {
        action: 'case.comment.added',
        actorUserId: input.userId,
        caseId: input.caseId,
        ip: input.ip,
        details: { commentId: inserted.rows[0].id, onBehalfOfChild },
      },
      at,
    );
    await emailCoordinators(client, deps, memberCase, await userName(client, input.userId), {
      kind: 'comment',
      onBehalfOfChild,
      commentId: inserted.rows[0].id,
    });
    return { ok: true } as const;
  });
}
