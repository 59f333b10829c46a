// Help finder: a verified, multilingual directory of support services for children.
export * from './commands';
export * from './queries';
export { canForCountries, type DirectoryAction } from './policy';
export { ServiceInput } from './input';
export { diff, type DiffRow } from './diff';
export { parseEditorJson, SERVICE_TEMPLATE } from './editor';
export * as hsds from './hsds';
export { parseCsv, parseHsdsJson, importServices } from './import';
