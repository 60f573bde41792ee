// Datetimes as D16 prints them: RFC-2822 style with a numeric offset, e.g. "Mon, 05 Oct 2015 18:26:44 -0500".

import { SERVER_UTC_OFFSET_MINUTES } from "./constants.js";

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n: number): string => String(n).padStart(2, "0");

// Seeds give most users the same few timestamps; caching keeps 100,000-user lists cheap.
const cache = new Map<number, string>();
const CACHE_LIMIT = 10_000;

export function formatRfc2822(epochMs: number): string {
  let text = cache.get(epochMs);
  if (text === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    text = formatWithOffset(epochMs, SERVER_UTC_OFFSET_MINUTES);
    cache.set(epochMs, text);
  }
  return text;
}

export function formatWithOffset(epochMs: number, offsetMinutes: number): string {
  const d = new Date(epochMs + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? "-" : "+";
  const abs = Math.abs(offsetMinutes);
  return (
    `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`
  );
}

export function formatNullable(epochMs: number | null): string | null {
  return epochMs === null ? null : formatRfc2822(epochMs);
}

/** Parses RFC-2822 or ISO-8601 (seed input); NaN when neither. */
export function parseDateTime(text: string): number {
  return Date.parse(text);
}

/**
 * The next `updated_at`: now, but always at least one second after the previous value, because the
 * printed form has whole seconds and every write must change it.
 */
export function nextUpdatedAt(previous: number, now = Date.now()): number {
  const floorPrev = Math.floor(previous / 1000) * 1000;
  return Math.max(now, floorPrev + 1000);
}
