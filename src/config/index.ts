// Public API of config loading: loadProject and its types.
export { loadProject, CONFIG_FILE, CONTRACTS_DIR, USERS_DIR } from "./load.js";
export type { LoadOptions, LoadResult } from "./load.js";
export type { TargetBlocks } from "./target-blocks.js";
// The recursive *.yaml reader of users.d/ and contracts.d/, for other folders of the same kind (teams.d/).
export { listYamlFiles, readSourceFiles } from "./project-files.js";
export type { Listing, SourceText } from "./project-files.js";
