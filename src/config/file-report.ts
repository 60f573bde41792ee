// Collects the problems of one file, pointing at paths inside it.
import type { Diagnostic, Severity } from "../core/diagnostics.js";
import type { Pos, PathSegment, SourceNode, Target } from "./source-tree.js";
import { locate } from "./source-tree.js";

export class FileReport {
  constructor(
    readonly file: string,
    readonly tree: SourceNode | undefined,
    private readonly sink: Diagnostic[],
  ) {}

  pos(path: readonly PathSegment[], target: Target = "value"): Pos {
    return this.tree ? locate(this.tree, path, target) : { line: 0, column: 0 };
  }

  error(path: readonly PathSegment[], code: string, message: string, target: Target = "value"): void {
    this.add(path, code, message, target, "error");
  }

  warning(path: readonly PathSegment[], code: string, message: string, target: Target = "value"): void {
    this.add(path, code, message, target, "warning");
  }

  private add(
    path: readonly PathSegment[],
    code: string,
    message: string,
    target: Target,
    severity: Severity,
  ) {
    const { line, column } = this.pos(path, target);
    this.sink.push({ file: this.file, line, column, code, message, severity });
  }
}
