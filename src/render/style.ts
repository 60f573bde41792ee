// Colour: never with --no-color; with FORCE_COLOR (other than 0/false) even when piped (https://force-color.org);
// otherwise only on a terminal and never with NO_COLOR (https://no-color.org) or TERM=dumb.
import type { Io } from "../io.js";

export interface Style {
  green(s: string): string;
  yellow(s: string): string;
  red(s: string): string;
  cyan(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
}

const plain: Style = { green: id, yellow: id, red: id, cyan: id, bold: id, dim: id };

function id(s: string): string {
  return s;
}

function sgr(open: number, close: number) {
  return (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
}

const ansi: Style = {
  green: sgr(32, 39),
  yellow: sgr(33, 39),
  red: sgr(31, 39),
  cyan: sgr(36, 39),
  bold: sgr(1, 22),
  dim: sgr(2, 22),
};

export function styleFor(io: Pick<Io, "env" | "isTTY" | "color">): Style {
  return colour(io) ? ansi : plain;
}

function colour(io: Pick<Io, "env" | "isTTY" | "color">): boolean {
  if (io.color === false) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== "") return !/^(0|false)$/i.test(force);
  const noColor = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "";
  return io.isTTY && !noColor && io.env.TERM !== "dumb";
}

export const noStyle = plain;
