// Help finder: a verified, multilingual directory of support services for children.
export * from './commands';
export * from './queries';
export { can, assertCan, canForCountries, DIRECTORY_RULES, type DirectoryAction } from './policy';
export { ServiceInput } from './input';
export { diff, type DiffRow } from './diff';
export { parseEditorJson, SERVICE_TEMPLATE } from './editor';
export * as hsds from './hsds';
export * as openapi from './openapi';
export { parseCsv, parseHsdsJson, importServices } from './import';
export { presentResult, presentChannels, presentServiceSummary, channelHref, presentHelpMap, DEMO_CLASS, type PresentedResult, type PresentedChannel } from './present';
export { readHelpQuery, toSearchParams } from './params';
export { matchesSearch } from './match';
export { moderationQueue, requestForModerator, staleForModerator, serviceHistory } from './moderation';
import './retention'; // registers its retention rule
import './maintenance'; // registers the ANALYZE job imports schedule
export { ensureServiceWeeks } from './weekly-hours';
export { saveHelpSnapshot, helpSnapshot, snapshotFolder, type HelpSnapshot } from './snapshot';
