// Federation: national instances publish signed snapshots of what is already public (validated
// progress, verified help services, public events); a hub pulls, verifies and shows them with their source.
// See docs/federation.md.
import './jobs';
export { saveSettings, rotateKey, registerMember, removeMember, pullNow, schedulePull, PULL_JOB } from './commands';
export { instanceDocument, overview, findMember, federatedCoverage, federatedServices, federatedEvents, federatedEventsForFeed, type FederatedEventsQuery } from './queries';
export { ensureSnapshot, latestSnapshot, snapshotAt, snapshotFile, isFeedFileList, fileType, SERVICES_PER_FILE, forgetBuilt } from './publish';
export { readSettings, isFeed, publishes, isHub, FEEDS, ROLES, type Feed, type Settings } from './settings';
export { can, FEDERATION_RULES, type FederationAction } from './policy';
export { LIMITS, type FederatedEvent } from './input';
export { pullMember, type PullReport } from './pull';
export * as openapi from './openapi';
