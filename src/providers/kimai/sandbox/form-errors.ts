// Symfony form error trees as FOSRest + JMS serialize them:
// {"code":400,"message":"Validation Failed","errors":{"errors":[...form-level],"children":{...every field}}}
// A field without errors is {}; "errors" appears only when there are some; collection entries are a list.

import type { SandboxResponse } from "../../../sandbox/types.js";
import { JSON_HEADERS } from "./http-errors.js";

export const EXTRA_FIELDS = "This form should not contain extra fields.";

export interface FormErrorJson {
  errors?: string[];
  children?: Record<string, FormErrorJson> | FormErrorJson[];
}

export class FormNode {
  readonly errors: string[] = [];
  private readonly children = new Map<string, FormNode>();

  constructor(private readonly listChildren = false) {}

  child(name: string, listChildren = false): FormNode {
    let node = this.children.get(name);
    if (node === undefined) {
      node = new FormNode(listChildren);
      this.children.set(name, node);
    }
    return node;
  }

  hasErrors(): boolean {
    return this.errors.length > 0 || [...this.children.values()].some((c) => c.hasErrors());
  }

  toJSON(): FormErrorJson {
    const out: FormErrorJson = {};
    if (this.errors.length > 0) out.errors = [...this.errors];
    if (this.children.size > 0) {
      const children = [...this.children.entries()].map(([name, node]) => [name, node.toJSON()] as const);
      out.children = this.listChildren ? children.map(([, json]) => json) : Object.fromEntries(children);
    }
    return out;
  }
}

export function validationFailed(root: FormNode): SandboxResponse {
  return {
    status: 400,
    headers: { ...JSON_HEADERS },
    body: JSON.stringify({ code: 400, message: "Validation Failed", errors: root.toJSON() }),
  };
}

/** Symfony's default constraint messages used by the user and team forms. */
export const MSG = {
  blank: "This value should not be blank.",
  invalidChoice: "The selected choice is invalid.",
  invalidTimezone: "Please select a valid timezone.",
  invalidValue: "This value is not valid.",
  invalidEmailInput: "Please enter a valid email address.",
  invalidCheckbox: "The checkbox has an invalid value.",
  invalidPassword: "The password is invalid.",
  badEmail: "This value is not a valid email address.",
  used: "This value is already used.",
  usernameUsed: "The username is already used.",
  emailUsed: "This e-mail address is already in use.",
  emailIsUsername: "An equal username is already used.",
  usernameIsEmail: "An equal e-mail address is already in use.",
  specialChars: 'The following characters are not allowed: < > " =',
  missingTeamlead: "At least one team leader must be assigned to the team.",
  tooFewMembers: "This collection should contain 1 element or more.",
  tooShort: (n: number) =>
    `This value is too short. It should have ${n} character${n === 1 ? "" : "s"} or more.`,
  tooLong: (n: number) =>
    `This value is too long. It should have ${n} character${n === 1 ? "" : "s"} or less.`,
} as const;
