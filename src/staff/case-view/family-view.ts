import type { CaseComment, RequestVersion, SentResponse } from '../../cases/index.js';
import { casePaths, PROPOSAL_WORDS, sentRows } from '../../cases/index.js';
import type { CouncilDocumentListing } from '../../documents/data.js';
import { documentKindLabel, documentTypeLabel } from '../../documents/labels.js';
import { stageLabel, type StageId } from '../../ehc/index.js';
import { staffPaths } from '../paths.js';
import { diffWords } from './word-diff.js';
import { caseAnchors } from './anchors.js';
import { activitySummary } from '../work-tray/activity.js';

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** Every version of the request, newest first; each amendment with the words added and removed. */
export function requestHistory(versions: RequestVersion[]) {
  return versions
    .map((version, index) => {
      const previous = versions[index - 1];
      const diff = previous ? diffWords(previous.text, version.text) : undefined;
      return {
        version: version.version,
        anchor: caseAnchors.requestVersion(version.version),
        byName: version.amendedByName,
        at: version.amendedAt,
        parts: diff?.parts,
        summary: diff ? `${plural(diff.added, 'word')} added, ${plural(diff.removed, 'word')} removed` : undefined,
      };
    })
    .reverse();
}

/** Comments and views, newest first: whose views they are and the stage they were sent at. */
export function commentItems(comments: CaseComment[], childFirstName: string) {
  return comments.map((comment) => ({
    anchor: caseAnchors.comment(comment.id),
    whose: comment.onBehalfOfChild ? `${comment.authorName}, on behalf of ${childFirstName}` : comment.authorName,
    onBehalfOfChild: comment.onBehalfOfChild,
    stage: stageLabel(comment.stage as StageId),
    at: comment.createdAt,
    body: comment.body,
  }));
}

/** Responses to draft plans and proposed changes, newest first, as the family page shows them. */
export function responseItems(responses: SentResponse[], childFirstName: string) {
  return responses.map((response) => {
    const words = PROPOSAL_WORDS[response.kind];
    return {
      anchor: caseAnchors.response(response.id),
      sentOn: response.sentOn,
      byName: response.authorName,
      at: response.createdAt,
      thing: words.thing,
      agrees: response.agrees,
      wantsMeeting: response.wantsMeeting,
      rows: sentRows(response, childFirstName, words),
    };
  });
}

/** The case's documents: what each is, its real type, size, who added it, and whether the council has opened it. */
export function documentItems(caseId: string, documents: CouncilDocumentListing[]) {
  return documents.map((document) => ({
    ...document,
    anchor: caseAnchors.document(document.id),
    kindLabel: documentKindLabel(document.kind),
    typeLabel: documentTypeLabel(document.contentType),
    fromFamily: document.kind === 'family-upload',
    href: staffPaths.caseDocument(caseId, document.id),
    removeHref: document.kind === 'family-upload' ? staffPaths.removeDocument(caseId, document.id) : undefined,
  }));
}

/** The family's own pages for the case, which staff may open too when they are members. */
export const familyPageLinks = (caseId: string) => ({
  comments: casePaths.comments(caseId),
  documents: casePaths.documents(caseId),
  request: casePaths.request(caseId),
});

/** "2 new comments, 1 document": what the family added since the viewer last looked (nothing said the first time). */
export function newSince(input: {
  lastLooked: Date | null;
  comments: CaseComment[];
  documents: CouncilDocumentListing[];
  versions: RequestVersion[];
  responses: SentResponse[];
}) {
  const since = input.lastLooked;
  if (!since) return undefined;
  const after = (at: Date) => at > since;
  return activitySummary({
    comments: input.comments.filter((comment) => after(comment.createdAt)).length,
    documents: input.documents.filter((document) => document.kind === 'family-upload' && after(document.uploadedAt))
      .length,
    amendments: input.versions.filter(
      (version) => version.version > 1 && version.amendedByName && after(version.amendedAt),
    ).length,
    responses: input.responses.filter((response) => after(response.createdAt)).length,
  });
}
