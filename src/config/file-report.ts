// Collects the problems of one file, pointing at paths inside it.
import type { Diagnostic, Severity } from "../core/diagnostics.js";
import type { Pos, PathSegment, SourceNode, Target } from "./source-tree.js";
import { locate } from "./source-tree.js";

/** A position tree, or a function that builds it on first use (most valid files never need one). */
export type TreeSource = SourceNode | (() => SourceNode | undefined) | undefined;

export class FileReport {
  private built: SourceNode | undefined;
  private pending: (() => SourceNode | undefined) | undefined;

  /**
   * @param plainText the text of a file the fast parser accepted: its top-level keys start their line,
   *   so rootKeyPos can find them without building the tree.
   */
  constructor(
    readonly file: string,
    tree: TreeSource,
    private readonly sink: Diagnostic[],
    private readonly plainText?: string,
  ) {
    if (typeof tree === "function") this.pending = tree;
    else this.built = tree;
  }

  get tree(): SourceNode | undefined {
    if (this.pending) {
      this.built = this.pending();
      this.pending = undefined;
    }
    return this.built;
  }

  pos(path: readonly PathSegment[], target: Target = "value"): Pos {
    const tree = this.tree;
    return tree ? locate(tree, path, target) : { line: 0, column: 0 };
  }

  /** Where a top-level key is written (cheap for plain files). */
  rootKeyPos(key: string): Pos {
    if (this.pending && this.plainText !== undefined) {
      const text = this.plainText;
      const at = text.startsWith(`${key}:`) ? 0 : text.indexOf(`\n${key}:`) + 1;
      if (at > 0 || text.startsWith(`${key}:`)) {
        let line = 1;
        for (let i = text.indexOf("\n"); i >= 0 && i < at; i = text.indexOf("\n", i + 1)) line++;
        return { line, column: 1 };
      }
    }
    return this.pos([key], "key");
  }

  error(path: readonly PathSegment[], code: string, message: string, target: Target = "value"): void {
    this.add(path, code, message, target, "error");
  }

  /** An error that replaces what was already said at the same place (a schema message less to the point). */
  errorInstead(path: readonly PathSegment[], code: string, message: string): void {
    const { line, column } = this.pos(path);
    for (let i = this.sink.length - 1; i >= 0; i--) {
      const d = this.sink[i];
      if (d?.file !== this.file) break;
      if (d.line === line && d.column === column && d.severity === "error") this.sink.splice(i, 1);
    }
    this.add(path, code, message, "value", "error");
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
