import type pg from 'pg';
import type { z } from 'zod';
import type { CaseFacts, IsoDate } from '../../ehc/index.js';
import type { CouncilCase } from '../cases-data.js';
import type { StaffMember } from '../staff-member.js';
import type { DocumentKind } from '../../documents/data.js';
import type { CaseChange } from './record-change.js';

/** What the case is on a day: enough to say whether a step can be recorded. */
export interface CaseContext {
  today: IsoDate;
  found: CouncilCase;
  facts: CaseFacts;
}

export interface StepContext extends CaseContext {
  /** A family member has said they agree with the draft plan now issued (so has no more comments). */
  familyAgreedToDraft: boolean;
}

export interface ApplyContext extends StepContext {
  staff: StaffMember;
  now: Date;
  /** The uploaded letter or plan, stored in the same transaction. */
  documentId?: string;
}

/** One way of moving a case on: its form, its checks, and what it changes. */
// The steps of every form live in one list, each with its own form type: `any` lets them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface ProgressStep<T = any> {
  slug: string;
  title: string;
  view: string;
  dateFields: readonly string[];
  /** The PDF this step needs (a decision letter, a plan). */
  upload?: { field: string; kind: DocumentKind; missing: string };
  /** Why this cannot be recorded now (an earlier step is missing), if so. */
  blocked?(ctx: CaseContext): string | undefined;
  schema(ctx: StepContext): z.ZodType<T>;
  /** Something to know before filling in the form (shown above it), if anything. */
  situation?(ctx: StepContext): string | undefined;
  /** What the form shows at first (from what is already recorded). */
  initialValues?(ctx: StepContext): Record<string, string>;
  /** The case's facts after the change, to check the sequence with src/ehc. */
  proposed(ctx: StepContext, data: T): CaseFacts;
  /** Rules checked once the dates are in order (the family's minimum periods), as [field, message] pairs. */
  ruleErrors?(ctx: StepContext, data: T): [string, string][];
  /** The facts this step sets → the form field that sets each (the first is the main one). */
  factFields: Record<string, string>;
  apply(client: pg.PoolClient, ctx: ApplyContext, data: T): Promise<CaseChange>;
}

/** A date input's three boxes, filled from 'YYYY-MM-DD'. */
export function dateValues(name: string, date: string | undefined): Record<string, string> {
  if (!date) return {};
  const [year, month, day] = date.split('-');
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year };
}
