// Open Referral HSDS 3.0 for the help finder: our services as HSDS `service` objects (export.ts),
// our vocabularies as HSDS taxonomy terms (terms.ts), the way back (HSDS -> ServiceInput) for
// imports (import.ts), the HSDS API's parameters and pages (paging.ts), and on a federation hub the
// members' services, read-only and marked with their source (federated.ts).
//
// Everything HSDS has a field for goes in that field; everything it lacks (per-channel hours in
// an IANA zone with dated exceptions, channel types, SMS keywords, "shows on the bill", actions,
// topics and their 4C, kind, cost, translations, demo flag, verification method) travels in
// `attributes` whose taxonomy terms are ours (`cop:*`, see docs/hsds.md). The `cop:channel`
// attributes are the authoritative copy of each channel; `phones` and `schedules` are derived
// views of them for consumers that only read standard HSDS.
export type * from './types';
export { HSDS_NAMESPACE, VOCABULARIES, FIELD_TERMS, isUuid, uuidV5, taxonomyId, termId, hsdsTaxonomyTerms, findTerm, type Vocabulary, type FieldTerm } from './terms';
export { toHsdsService, type ExportRow, type ChannelValue } from './export';
export { fromHsdsService, type FieldError } from './import';
export { readPaging, readHsdsListParams, hsdsPage, hsdsServicePage, type HsdsListParams } from './paging';
export { findFederated, listFederated, countFederated } from './federated';
