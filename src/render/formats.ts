// The output formats each command offers (and the shells completion writes for): the CLI's choices, its
// completion scripts and the renderers read them here.

/** plan --format and show --format. */
export const PLAN_FORMATS = ["text", "markdown", "json"] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

/** apply --format. */
export const APPLY_FORMATS = ["text", "json"] as const;
export type ApplyFormat = (typeof APPLY_FORMATS)[number];

/** validate --format: `github` prints workflow-command annotations (::error file=…,line=…::message). */
export const VALIDATE_FORMATS = ["text", "json", "github"] as const;
export type ValidateFormat = (typeof VALIDATE_FORMATS)[number];

/** rosterform completion <shell>. */
export const COMPLETION_SHELLS = ["bash", "zsh", "fish"] as const;
export type Shell = (typeof COMPLETION_SHELLS)[number];
