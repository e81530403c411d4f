/** One stage of a case: what happened, its statutory dates, its decision and its documents. */
import { formatGuideDate as fmt, type Stage, type StageId } from '../ehc/index.js';
import type { CaseDecision } from './case-data.js';
import type { CaseContext, RequestView } from './case-view.js';
import { paragraphsOf, requestView } from './case-view.js';
import { documentLink, type DocumentLink } from './documents-view.js';
import { dueDateView, stageOfDueDate, type DueDateView } from './due-date-view.js';
import { DECISION_OUTCOME_LABELS, DECISION_TITLES, STAGE_DOCUMENT_KINDS, type DecisionKind } from './labels.js';
import { earlierReviewDecisions } from './review-history.js';

export interface DecisionView {
  title: string;
  outcome: string;
  reason: string[];
  date: string;
  /** The decision letter, when it is on the Hub (and this member may see it). */
  letter?: DocumentLink;
}

export interface StagePageView {
  stage: Stage;
  intro: string;
  happened: { label: string; value: string }[];
  request?: RequestView;
  decision?: DecisionView;
  /** The annual review stage: the decisions after earlier reviews, the latest first. */
  earlierReviews: DecisionView[];
  dueDates: DueDateView[];
  documents: DocumentLink[];
}

const INTROS: Record<StageId, string> = {
  request: 'The request for an EHC needs assessment, and the information shared with it.',
  decision: 'Our decision whether to carry out an EHC needs assessment.',
  assessment: 'The EHC needs assessment: the advice we asked for, and our decision whether to issue an EHC plan.',
  'draft-plan': 'The draft EHC plan, and the time you have to comment on it.',
  'final-plan': 'The final EHC plan.',
  'annual-review': 'The annual review of the EHC plan.',
};

/** The decision that ends each stage, if the stage has one. */
const STAGE_DECISION: Partial<Record<StageId, DecisionKind>> = {
  decision: 'assess',
  assessment: 'issue',
  'annual-review': 'review',
};

function happenedRows(ctx: CaseContext, stage: StageId): { label: string; value: string }[] {
  const { facts } = ctx;
  const review = facts.annualReview;
  const candidates: [string, string | undefined][] =
    stage === 'assessment'
      ? [
          ['Advice requested', facts.adviceRequested],
          ['Advice received', facts.adviceReceived],
        ]
      : stage === 'draft-plan'
        ? [['Draft plan issued', facts.draftPlanIssued]]
        : stage === 'final-plan'
          ? [['Final plan issued', facts.finalPlanIssued]]
          : stage === 'annual-review'
            ? [
                ['Last review meeting', review?.lastReviewMeeting],
                ['Review meeting', review?.meeting],
                ['Proposed changes sent', review?.amendmentsProposed],
                ['Amended plan issued', review?.amendedPlanIssued],
                ['Plan for the move issued', facts.phaseTransfer?.amendedPlanIssued],
              ]
            : [];
  return candidates
    .filter((c): c is [string, string] => Boolean(c[1]))
    .map(([label, date]) => ({ label, value: fmt(date) }));
}

function decisionView(decision: CaseDecision, documents: Map<string, DocumentLink>): DecisionView {
  const view: DecisionView = {
    title: DECISION_TITLES[decision.kind],
    outcome: DECISION_OUTCOME_LABELS[decision.outcome] ?? decision.outcome,
    reason: paragraphsOf(decision.reason),
    date: fmt(decision.decided_on),
  };
  const letter = decision.letter_document_id ? documents.get(decision.letter_document_id) : undefined;
  if (letter) view.letter = letter;
  return view;
}

/** The decision that ends the stage: for the annual review, only the current meeting's. */
function stageDecision(ctx: CaseContext, stage: StageId): CaseDecision | undefined {
  const kind = STAGE_DECISION[stage];
  if (kind === 'review' && !ctx.facts.annualReview?.decision) return undefined;
  return kind && ctx.row.decisions.find((d) => d.kind === kind);
}

export function stagePageView(ctx: CaseContext, stage: Stage): StagePageView {
  const { row, status } = ctx;
  const links = new Map(row.documents.map((doc) => [doc.id, documentLink(row.id, doc)]));
  const review = ctx.facts.annualReview;
  const earlier = stage.id === 'annual-review' ? earlierReviewDecisions(row.review_decisions, review?.meeting) : [];
  // A letter shown with its decision is not listed again under Documents.
  const letterIds = new Set([...row.decisions, ...earlier].map((d) => d.letter_document_id).filter(Boolean));
  const view: StagePageView = {
    stage,
    intro: INTROS[stage.id],
    happened: happenedRows(ctx, stage.id),
    earlierReviews: earlier.map((d) => decisionView(d, links)),
    dueDates: status.dueDates.filter((d) => stageOfDueDate(d) === stage.id).map(dueDateView),
    documents: row.documents
      .filter((doc) => !letterIds.has(doc.id))
      .filter((doc) => STAGE_DOCUMENT_KINDS[stage.id].includes(doc.kind))
      .map((doc) => links.get(doc.id) as DocumentLink),
  };
  if (stage.id === 'request') view.request = requestView(row);
  const decision = stageDecision(ctx, stage.id);
  if (decision) view.decision = decisionView(decision, links);
  return view;
}
