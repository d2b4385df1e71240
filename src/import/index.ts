// Public API of the import core, for the worker, the CLI and the UI.
export * from './problems';
export { csvCell, csvLine, csvText } from './csvSafe';
export * from './csv';
export { parseUsers, USERS_FILE, type ServiceUser, type ParsedRows } from './users';
export { parseBases, BASES_FILE, splitZones, type ProviderBase } from './bases';
export * from './lookup';
export * from './fallback';
export { parsePostcodeParts, isNonGeographic, type PostcodeParts } from './postcodes';
export * from './geocode';
export * from './boundaries';
export * from './units';
export * from './locate';
export * from './aggregate';
export * from './zones';
export * from './report';
export * from './pipeline';
