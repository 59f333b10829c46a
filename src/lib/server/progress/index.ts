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
