import type pg from 'pg';
import type { FeatureDeps } from '../../deps.js';
import { layoutEmail } from '../../notify/email-layout.js';
import { type MemberCase } from '../access.js';
import { PROPOSAL_WORDS } from '../draft-plan/proposal-words.js';
import type { ProposalKind } from '../draft-plan/proposals.js';
import { caseAnchors } from '../../staff/case-view/anchors.js';
import { staffPaths } from '../../staff/paths.js';

export type FamilyActivity =
  | { kind: 'comment'; onBehalfOfChild: boolean; commentId: string }
  | { kind: 'documents'; count: number; firstDocumentId: string | undefined }
  | { kind: 'request-amended'; version: number }
  | { kind: 'proposal-response'; proposal: ProposalKind; responseId: string };

/** Where on the staff case page the email's link lands: the item itself. */
function anchorOf(activity: FamilyActivity): string {
  switch (activity.kind) {
    case 'comment':
      return caseAnchors.comment(activity.commentId);
    case 'documents':
      return activity.firstDocumentId ? caseAnchors.document(activity.firstDocumentId) : caseAnchors.documents;
    case 'request-amended':
      return caseAnchors.requestVersion(activity.version);
    case 'proposal-response':
      return caseAnchors.response(activity.responseId);
  }
}

function describe(activity: FamilyActivity, actor: string, child: string): { subject: string; sentence: string } {
  switch (activity.kind) {
    case 'comment':
      return {
        subject: 'New comments',
        sentence: activity.onBehalfOfChild
          ? `${actor} has added comments on behalf of ${child}.`
          : `${actor} has added comments.`,
      };
    case 'documents':
      return {
        subject: activity.count === 1 ? 'A new document' : 'New documents',
        sentence: `${actor} has uploaded ${activity.count === 1 ? 'a document' : `${activity.count} documents`}.`,
      };
    case 'request-amended':
      return { subject: 'The request has been amended', sentence: `${actor} has amended the details of the request.` };
    case 'proposal-response': {
      const thing = PROPOSAL_WORDS[activity.proposal].thing;
      return { subject: `A response to ${thing}`, sentence: `${actor} has responded to ${thing}.` };
    }
  }
}

/**
 * Tells the case's co-ordinators what the family has just added, in the transaction that adds
 * it (so the email exists exactly when the change does). The email says what happened and links
 * to the item on the staff case page; what the family wrote stays in EHC Hub.
 */
export async function emailCoordinators(
  client: pg.PoolClient,
  deps: Pick<FeatureDeps, 'config' | 'queue'>,
  memberCase: MemberCase,
  actorName: string,
  activity: FamilyActivity,
): Promise<number> {
  const { rows } = await client.query(
    `SELECT u.email, u.full_name FROM case_members m JOIN users u ON u.id = m.user_id
      WHERE m.case_id = $1 AND m.role = 'coordinator' AND m.removed_at IS NULL AND u.status = 'active'`,
    [memberCase.id],
  );
  const child = `${memberCase.childFirstName} ${memberCase.childLastName}`;
  const { subject, sentence } = describe(activity, actorName, memberCase.childFirstName);
  for (const coordinator of rows) {
    const email = layoutEmail(deps.config.council, {
      to: coordinator.email,
      subject: `${subject}: ${child} (${memberCase.reference})`,
      blocks: [
        `Dear ${coordinator.full_name},`,
        sentence,
        { inset: `${child}, case ${memberCase.reference}` },
        {
          link: `${deps.config.baseUrl}${staffPaths.case(memberCase.id)}#${anchorOf(activity)}`,
          text: 'View the case in EHC Hub',
        },
      ],
    });
    await deps.queue.queueEmail(client, email);
  }
  return rows.length;
}
