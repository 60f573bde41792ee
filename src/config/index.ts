// Public API of config loading: loadProject and its types.
export { loadProject, CONFIG_FILE, CONTRACTS_DIR, USERS_DIR } from "./load.js";
export type { LoadOptions, LoadResult } from "./load.js";
