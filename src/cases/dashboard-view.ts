/** The cards of My cases, built from the dashboard's two queries and src/ehc. */
import {
  describeCase,
  formatGuideDate as fmt,
  type Audience,
  type CaseFacts,
  type CaseStatus,
  type IsoDate,
  type StatusText,
} from '../ehc/index.js';
import { PROPOSAL_WORDS } from './draft-plan/proposal-words.js';
import { proposalOf } from './draft-plan/proposals.js';
import { casePaths } from './paths.js';
import { paths } from '../web/paths.js';
import { caseFactsFromRow } from './case-facts-from-db.js';
import type { DashboardCaseRow, DashboardData } from './dashboard-data.js';
import { isFamily, type CaseRole } from './access.js';
import { byChildName, lastCommaFirst } from './names.js';
import { progressView, type ProgressView } from './progress-view.js';

export interface CaseCard {
  id: string;
  /** The card's id, the target of its link in the name bar. */
  anchor: string;
  /** 'Rogers, Barney' */
  name: string;
  href: string;
  requestDate: string;
  /** 'Decision due: 18th Sep 2023' */
  nextDateLine?: string;
  status?: StatusText;
  progress?: ProgressView;
  coordinator?: { name: string; email: string };
  /** While the family can answer the draft plan or the proposed changes: the button to do it. */
  respond?: { text: string; href: string };
}

/** A young person on their own case reads the words addressed to them; everyone else, a parent's. */
export function audienceFor(role: CaseRole): Audience {
  return role === 'young-person' ? 'young-person' : 'parent';
}

function nextDateLine(status: CaseStatus): string | undefined {
  const next = status.nextDate;
  if (!next) return undefined;
  const note = next.lifted ? ' (this time limit does not apply)' : next.overdue ? ' (overdue)' : '';
  return `${next.label}: ${fmt(next.date)}${note}`;
}

function respondLink(row: DashboardCaseRow, facts: CaseFacts, today: IsoDate): CaseCard['respond'] {
  if (!isFamily(row.my_role)) return undefined;
  if (proposalOf('amendments', facts, today)?.open)
    return { text: PROPOSAL_WORDS.amendments.button, href: casePaths.proposedChanges(row.id) };
  if (proposalOf('draft-plan', facts, today)?.open)
    return { text: PROPOSAL_WORDS['draft-plan'].button, href: casePaths.draftPlan(row.id) };
  return undefined;
}

/** A card; with `whole` false, only what a compact card shows (no progress bar, no respond button). */
export function caseCard(row: DashboardCaseRow, today: IsoDate, whole = true): CaseCard {
  const name = lastCommaFirst({ firstName: row.first_name, lastName: row.last_name });
  const card: CaseCard = {
    id: row.id,
    anchor: `case-${row.id}`,
    name,
    href: paths.case(row.id),
    requestDate: fmt(row.request_received as string),
  };
  if (row.coordinator_name && row.coordinator_email) {
    card.coordinator = { name: row.coordinator_name, email: row.coordinator_email };
  }
  const facts = caseFactsFromRow(row, row.decisions, audienceFor(row.my_role));
  let status: CaseStatus;
  try {
    status = describeCase(facts, today);
  } catch {
    // A case with impossible dates still gets its card, with the request and the co-ordinator.
    return card;
  }
  card.status = status.status;
  const line = nextDateLine(status);
  if (line) card.nextDateLine = line;
  if (!whole) return card;
  const respond = respondLink(row, facts, today);
  if (respond) card.respond = respond;
  card.progress = progressView(facts, status, today);
  return card;
}

/**
 * Up to this many cases, My cases shows every card whole, as the guide does; with more, each card
 * shows its first lines and opens whole on demand (50 whole cards were 280 KB of HTML).
 */
const FULL_CARDS_UP_TO = 3;

/**
 * My cases: every card, in the order of the name bar (last name, then first name). With more
 * than FULL_CARDS_UP_TO cases the cards are compact, and only the one the user asked to open
 * (`open`, if it is one of theirs) is whole.
 */
export function dashboardView(
  data: DashboardData,
  today: IsoDate,
  open: unknown,
): { cards: CaseCard[]; compact: boolean; openId: string | undefined } {
  const compact = data.cases.length > FULL_CARDS_UP_TO;
  const openId = compact && typeof open === 'string' ? open : undefined;
  const cards = data.cases
    .map((row) => ({ row, firstName: row.first_name, lastName: row.last_name }))
    .sort(byChildName((item) => item.row.id))
    .map(({ row }) => caseCard(row, today, !compact || row.id === openId));
  return { cards, compact, openId };
}
