/** The stages of the EHC process, in order, with the labels parents see and the URL slugs. */

export const STAGE_IDS = ['request', 'decision', 'assessment', 'draft-plan', 'final-plan', 'annual-review'] as const;

export type StageId = (typeof STAGE_IDS)[number];

export interface Stage {
  id: StageId;
  /** The label shown to families, e.g. 'Draft plan'. */
  label: string;
  /** The path segment in /cases/:caseId/stages/:stage (the same as the id). */
  slug: StageId;
}

const LABELS: Record<StageId, string> = {
  request: 'Request',
  decision: 'Decision',
  assessment: 'Assessment',
  'draft-plan': 'Draft plan',
  'final-plan': 'Final plan',
  'annual-review': 'Annual review',
};

export const STAGES: readonly Stage[] = Object.freeze(
  STAGE_IDS.map((id) => Object.freeze({ id, label: LABELS[id], slug: id })),
);

export function isStageId(value: unknown): value is StageId {
  return typeof value === 'string' && (STAGE_IDS as readonly string[]).includes(value);
}

/** The stage for a URL slug, or undefined for anything else (the route answers 404). */
export function stageBySlug(slug: string): Stage | undefined {
  return STAGES.find((stage) => stage.slug === slug);
}

export function stageLabel(id: StageId): string {
  return LABELS[id];
}

/** 0 for Request … 5 for Annual review. */
export function stageIndex(id: StageId): number {
  return STAGE_IDS.indexOf(id);
}
