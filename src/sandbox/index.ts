export { startSandboxServer } from "./server.js";
export type { RunningSandbox, SandboxServerOptions } from "./server.js";
export type { SandboxHandler, SandboxRequest, SandboxResponse, SandboxStateHooks } from "./types.js";
export type { FaultAction, FaultRule, FaultRuleInput } from "./faults.js";
export type { RequestLogEntry } from "./request-log.js";
export { jsonResponse, isPlainObject, tryParseJson } from "./json.js";
export { sleep } from "./delay.js";
