// National COP frameworks and progress: the module's public face. Pages and other modules import
// from here only: `import * as progress from '$lib/server/progress'`.
export {
	getFramework,
	listFrameworkVersions,
	publishedPeriods,
	publishedCountryResults,
	publishedAggregates,
	roadmapCompletion,
	legalMeasures
} from './queries';
export type { CountryQuery } from './queries';
export type {
	AggregateResult,
	CountryResult,
	Framework,
	LegalMeasure,
	PillarId,
	RoadmapCompletion,
	Tier
} from '../../progress/model';

// The signed-in workspace: commands (policy first, audited), workspace reads and form helpers.
export * from './commands';
export * from './workspace';
export * from './forms';
export { presentAnswer, presentPillarPage, presentAssessmentOverview } from './present';
export { can, canValidate } from './policy';
export type { ProgressAction } from './policy';
export { observations, readObservationQuery, toPlainCsv, toSdmxCsv } from './opendata';
export * as opendata from './opendata';
export * as openapi from './openapi';
export { listFrameworkVersionDetails, contentFrameworkFiles, FRAMEWORKS_PATH, type FrameworkFile } from './framework';

import type { Actor } from '../identity';
import { can as canDo } from './policy';
export function mayEnterWorkspace(actor: Actor | null | undefined): boolean {
	return canDo(actor, 'workspace.enter', { kind: 'global' });
}
import './retention'; // registers its retention rule
