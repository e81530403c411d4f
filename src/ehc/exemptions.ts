/**
 * Exemptions: the reasons the regulations allow (regs. 5(4), 10(4), 13(3)) for the council not to
 * keep to the time limits of the assessment: the 6-week decision, the 16-week notice that no plan
 * will be issued and the 20-week final plan. A limit already met is not affected.
 */
import type { ExemptionKind } from './case-facts.js';

export const EXEMPTION_KINDS: readonly ExemptionKind[] = [
  'setting-closed',
  'exceptional-personal-circumstances',
  'family-away',
];

export const EXEMPTION_LABELS: Record<ExemptionKind, string> = {
  'setting-closed': 'Education setting closed for 4 weeks or more',
  'exceptional-personal-circumstances': 'Exceptional personal circumstances',
  'family-away': 'Family away from the area for 4 weeks or more',
};

/** The due dates an exemption lifts, with how the limit is named in plain words. */
export const LIFTABLE_LIMITS = {
  'decision-to-assess': 'the 6-week time limit for deciding whether to assess',
  'no-plan-notice': 'the 16-week time limit for a notice that no plan will be issued',
  'final-plan': 'the 20-week time limit for the final plan',
} as const;

export type LiftableKey = keyof typeof LIFTABLE_LIMITS;

export function isLiftable(key: string): key is LiftableKey {
  return key in LIFTABLE_LIMITS;
}

export function isExemptionKind(value: unknown): value is ExemptionKind {
  return typeof value === 'string' && (EXEMPTION_KINDS as readonly string[]).includes(value);
}
