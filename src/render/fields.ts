// A change's values as the people who review the YAML read them: by the YAML's field names, the contract's
// fields under one `contract: <template>` line. The system's own names stay in the JSON plan.
import type { AttrChange, Change } from "../core/plan.js";
import { CONTRACT_FIELD_PREFIX } from "../core/records.js";

export type FieldRow =
  { kind: "value"; label: string; attr: AttrChange; nested: boolean } | { kind: "group"; label: string };

/** The YAML's name of an attribute. */
export function fieldName(a: AttrChange): string {
  return a.field ?? a.key;
}

/** Rows in the change's order; the contract's fields together, under a header where the first of them stood. */
export function fieldRows(change: Change): FieldRow[] {
  const contract = change.attrs.filter((a) => fieldName(a).startsWith(CONTRACT_FIELD_PREFIX));
  const rows: FieldRow[] = [];
  for (const a of change.attrs) {
    if (!contract.includes(a)) {
      rows.push({ kind: "value", label: fieldName(a), attr: a, nested: false });
    } else if (a === contract[0]) {
      rows.push({ kind: "group", label: change.contract ? `contract: ${change.contract}` : "contract:" });
      for (const c of contract)
        rows.push({
          kind: "value",
          label: fieldName(c).slice(CONTRACT_FIELD_PREFIX.length),
          attr: c,
          nested: true,
        });
    }
  }
  return rows;
}
