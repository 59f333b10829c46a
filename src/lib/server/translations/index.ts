// Translations: coverage of every content set per language, XLIFF 2.0 / PO export, and the
// checked, all-or-nothing import used by `npm run translations` (see docs/translation.md).
export { can, TRANSLATIONS_RULES, type TranslationsAction } from './policy';
export { listSets, readSet, itemStatuses, SIDECAR, TARGET_LOCALES, type ContentSet, type RepoFiles, type SetModel, type Segment, type ItemStatus } from './sets';
export { exportXliff, exportPo, parseXliff, parsePo, TranslationFileError, type Problem, type ParsedFile, type Unit } from './xliff';
export { checkTranslation, checkTarget, readTranslationFile, type CheckOptions, type CheckResult } from './apply';
export { bundledRepoFiles, readRepoFiles, writeRepoFiles } from './files';
export { coverage, exportSet, type SetCoverage } from './queries';
export { displayModes, hiddenLocale, setDisplayModes, DISPLAY_MODES, DEFAULT_DISPLAY_MODE, type DisplayMode, type DisplayModes } from './display';
