import type { OPPORTUNITY_STAGES } from '../model/enums';

export type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number];

/** The stages that close a deal; a deal in any other stage is open. */
export const CLOSED_STAGES: readonly OpportunityStage[] = ['WON', 'LOST'];

/** A deal imported without a stage is where every deal starts: open, in QUALIFICATION. */
export const DEFAULT_STAGE: OpportunityStage = 'QUALIFICATION';

/** Cypher: the stage of opportunity `o`, DEFAULT_STAGE when it has none. */
export const STAGE_OF = (o: string) => `coalesce(${o}.stage, '${DEFAULT_STAGE}')`;

/** Cypher: true when opportunity `o` is open (its stage, or the default, is not a closing one). */
export const IS_OPEN = (o: string) => `NOT ${STAGE_OF(o)} IN [${CLOSED_STAGES.map((stage) => `'${stage}'`).join(', ')}]`;

export function isOpenStage(stage: OpportunityStage): boolean {
  return !CLOSED_STAGES.includes(stage);
}
