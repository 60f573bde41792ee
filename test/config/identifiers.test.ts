// Identifiers are what they look like: no edge white space, no invisible or control characters, NFC only.
import { describe, expect, test } from "vitest";
import { load, problems, user } from "./project.js";

describe("usernames, emails and other keys", () => {
  test("leading or trailing white space is an error with the fix", async () => {
    expect(
      await problems({
        "users.d/anna.yaml": 'username: "anna "\nemail: anna@example.com\n',
        "users.d/bob.yaml": 'username: bob\nemail: " bob@example.com"\n',
        "users.d/carl.yaml": user("carl", 'supervisor: "\\tbob"'),
      }),
    ).toEqual([
      'users.d/anna.yaml:1:11: username "anna " ends with white space; write "anna" (Kimai trims it, so the file would never match the server\'s user)',
      'users.d/bob.yaml:2:8: email " bob@example.com" starts with white space; write "bob@example.com" (Kimai trims it, so the file would never match the server\'s user)',
      'users.d/carl.yaml:3:13: supervisor "\\u{0009}bob" starts with white space; write "bob" (Kimai trims it, so the file would never match the server\'s user)',
    ]);
  });

  test("control, zero-width and bidi characters are errors, and shown escaped", async () => {
    expect(
      await problems({
        "users.d/anna.yaml": 'username: "an\\u200Bna"\nemail: anna@example.com\n',
        "users.d/bob.yaml": 'username: "bo\\u202Eb"\nemail: bob@example.com\n',
        "users.d/carl.yaml": 'username: "ca\\x1b[2Krl"\nemail: carl@example.com\n',
        "users.d/dora.yaml": 'username: dora\nemail: "do\\u00A0ra@example.com"\n',
      }),
    ).toEqual([
      'users.d/anna.yaml:1:11: username "an\\u{200b}na" holds the invisible or control character U+200B at position 3; delete it (it makes names that look alike but are not)',
      'users.d/bob.yaml:1:11: username "bo\\u{202e}b" holds the invisible or control character U+202E at position 3; delete it (it makes names that look alike but are not)',
      'users.d/carl.yaml:1:11: username "ca\\u{001b}[2Krl" holds the invisible or control character U+001B at position 3; delete it (it makes names that look alike but are not)',
      'users.d/dora.yaml:2:8: email "do\\u{00a0}ra@example.com" holds the invisible or control character U+00A0 at position 3; delete it (it makes names that look alike but are not)',
    ]);
  });

  test("a name not in Unicode NFC is an error with an unambiguous spelling", async () => {
    expect(
      await problems({ "users.d/jose.yaml": 'username: "jose\\u0301"\nemail: jose@example.com\n' }),
    ).toEqual([
      'users.d/jose.yaml:1:11: username "jos\u00e9" is written with combining accents (not Unicode NFC), so it differs from the same name typed elsewhere; retype it, or write "jos\\u00E9"'.replace(
        "jos\u00e9",
        "jose\u0301",
      ),
    ]);
  });

  test("two files whose usernames are equal after normalisation are a duplicate", async () => {
    const codes = (
      await load({
        "users.d/jose.yaml": 'username: "jos\\u00e9"\nemail: a@example.com\n',
        "users.d/jose2.yaml": 'username: "JOSE\\u0301"\nemail: b@example.com\n',
      })
    ).diagnostics.map((d) => `${d.file} ${d.code}`);
    expect(codes).toEqual([
      "users.d/jose.yaml user.duplicate-username",
      "users.d/jose2.yaml identifier.not-nfc",
      "users.d/jose2.yaml user.duplicate-username",
    ]);
  });

  test("protected names follow the same rules; template names are letters, digits, . _ -; references are shown escaped", async () => {
    expect(
      await problems({
        "rosterform.yaml":
          'targets: { kimai: { url: https://kimai.example.com } }\npolicy: { protect: ["admin "] }\n',
        "contracts.d/half.yaml": 'name: "half "\ntype: none\n',
        "users.d/anna.yaml": user("anna", 'contract: "half\\u200D"'),
      }),
    ).toEqual([
      'contracts.d/half.yaml:1:7: name "half " is not a template name; use letters, digits, ".", "_" and "-"',
      'rosterform.yaml:2:21: protect[0] "admin " ends with white space; write "admin" (Kimai trims it, so the file would never match the server\'s user)',
      'users.d/anna.yaml:3:11: unknown contract template "half\\u{200d}"; did you mean "half "?',
    ]);
  });
});

describe("free text", () => {
  test("alias, title, account number and names are compared trimmed, as Kimai stores them", async () => {
    const result = await load({
      "users.d/anna.yaml": user(
        "anna",
        'title: " Intern "',
        'accountNumber: "1042 "',
        'name: { first: "Anna ", last: Schmidt }',
      ),
      "users.d/bob.yaml": user("bob", 'alias: "Bob B.\\u3000"'),
    });
    expect(result.diagnostics).toEqual([]);
    const [anna, bob] = result.state?.users ?? [];
    expect([anna?.title, anna?.accountNumber, anna?.alias, bob?.alias]).toEqual([
      "Intern",
      "1042",
      "Anna Schmidt",
      "Bob B.",
    ]);
  });

  test("control and text-direction characters in free text are errors; a zero-width joiner is fine", async () => {
    expect(
      await problems({
        "users.d/anna.yaml": user("anna", 'title: "Lead\\rDeveloper"', 'alias: "Anna \\u202Enimda"'),
        "users.d/bob.yaml": user("bob", 'alias: "Bob \\u200D"'),
      }),
    ).toEqual([
      'users.d/anna.yaml:3:8: title "Lead\\u{000d}Developer" holds the control or text-direction character U+000D; delete it (it can change how the plan reads)',
      'users.d/anna.yaml:4:8: alias "Anna \\u{202e}nimda" holds the control or text-direction character U+202E; delete it (it can change how the plan reads)',
    ]);
  });
});
