// Fault injection rules (POST /__sandbox/faults): make the next matching requests fail in a chosen way.
//
// Matching: rules are checked in the order they were added. A rule "sees" a request when its method and
// path regex match; it fires once it has seen more than `after` requests and has fired fewer than `times`
// times (0 = forever). The first rule that fires wins; later rules do not see that request.

import { isPlainObject } from "./json.js";

export type FaultAction =
  | { type: "status"; status: number; body?: unknown; headers?: Record<string, string> }
  | { type: "delay"; ms: number }
  | { type: "reset" }
  | { type: "hang" }
  | { type: "commitThenReset" };

export interface FaultRuleInput {
  method?: string;
  path?: string;
  after?: number;
  times?: number;
  action: FaultAction;
}

export interface FaultRule {
  id: number;
  method: string | null;
  path: string | null;
  after: number;
  times: number;
  action: FaultAction;
  /** Matching requests seen so far. */
  seen: number;
  /** Times the action was applied. */
  applied: number;
}

export class FaultRuleError extends Error {}

function nonNegativeInt(value: unknown, where: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw new FaultRuleError(`${where}: must be a non-negative integer`);
  }
  return value;
}

function parseHeaders(value: unknown, where: string): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (!isPlainObject(value)) throw new FaultRuleError(`${where}: must be an object of header strings`);
  const headers: Record<string, string> = {};
  for (const [name, v] of Object.entries(value)) {
    if (typeof v !== "string" && typeof v !== "number") {
      throw new FaultRuleError(`${where}.${name}: must be a string`);
    }
    headers[name.toLowerCase()] = String(v);
  }
  return headers;
}

function parseAction(value: unknown, where: string): FaultAction {
  if (!isPlainObject(value)) throw new FaultRuleError(`${where}: must be an object with a "type"`);
  switch (value["type"]) {
    case "status": {
      const status = value["status"];
      if (typeof status !== "number" || !Number.isInteger(status) || status < 100 || status > 599) {
        throw new FaultRuleError(`${where}.status: must be an HTTP status code (100-599)`);
      }
      const headers = parseHeaders(value["headers"], `${where}.headers`);
      return {
        type: "status",
        status,
        ...(value["body"] !== undefined ? { body: value["body"] } : {}),
        ...(headers ? { headers } : {}),
      };
    }
    case "delay":
      return { type: "delay", ms: nonNegativeInt(value["ms"], `${where}.ms`, -1) };
    case "reset":
    case "hang":
    case "commitThenReset":
      return { type: value["type"] };
    default:
      throw new FaultRuleError(
        `${where}.type: must be one of "status", "delay", "reset", "hang", "commitThenReset"`,
      );
  }
}

function parseRule(value: unknown, where: string, id: number): FaultRule {
  if (!isPlainObject(value)) throw new FaultRuleError(`${where}: must be an object`);
  for (const key of Object.keys(value)) {
    if (!["method", "path", "after", "times", "action"].includes(key)) {
      throw new FaultRuleError(`${where}.${key}: unknown field`);
    }
  }
  const method = value["method"];
  if (method !== undefined && typeof method !== "string")
    throw new FaultRuleError(`${where}.method: must be a string`);
  const path = value["path"];
  if (path !== undefined) {
    if (typeof path !== "string") throw new FaultRuleError(`${where}.path: must be a regex string`);
    try {
      new RegExp(path);
    } catch {
      throw new FaultRuleError(`${where}.path: not a valid regular expression`);
    }
  }
  const action = parseAction(value["action"], `${where}.action`);
  if (action.type === "delay" && action.ms < 0) throw new FaultRuleError(`${where}.action.ms: required`);
  return {
    id,
    method: method === undefined ? null : method.toUpperCase(),
    path: path === undefined ? null : path,
    after: nonNegativeInt(value["after"], `${where}.after`, 0),
    times: nonNegativeInt(value["times"], `${where}.times`, 1),
    action,
    seen: 0,
    applied: 0,
  };
}

export class FaultInjector {
  private rules: Array<FaultRule & { regex: RegExp | null }> = [];
  private nextId = 1;

  /** Validates all rules first, then appends them; accepts a list or {"rules": [...]}. */
  add(body: unknown): FaultRule[] {
    const list = isPlainObject(body) && Array.isArray(body["rules"]) ? body["rules"] : body;
    if (!Array.isArray(list)) throw new FaultRuleError('body: must be a list of rules (or {"rules": [...]})');
    const parsed = list.map((item: unknown, i) => parseRule(item, `rules[${i}]`, this.nextId + i));
    this.nextId += parsed.length;
    for (const rule of parsed)
      this.rules.push({ ...rule, regex: rule.path === null ? null : new RegExp(rule.path) });
    return parsed;
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map(({ regex: _regex, ...rule }) => ({ ...rule }));
  }

  /** Returns the action to apply to this request, if any, updating the rule counters. */
  take(method: string, path: string): FaultAction | undefined {
    for (const rule of this.rules) {
      if (rule.method !== null && rule.method !== method.toUpperCase()) continue;
      if (rule.regex !== null && !rule.regex.test(path)) continue;
      rule.seen += 1;
      if (rule.seen <= rule.after) continue;
      if (rule.times !== 0 && rule.applied >= rule.times) continue;
      rule.applied += 1;
      return rule.action;
    }
    return undefined;
  }
}
