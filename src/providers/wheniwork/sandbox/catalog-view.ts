// Positions and locations as the API returns them (D16 fields; sandbox-neutral values for the rest).

import type { CatalogRecord } from "./model.js";

export function catalogView(record: CatalogRecord): Record<string, unknown> {
  return {
    id: record.id,
    account_id: record.account_id,
    name: record.name,
    is_deleted: record.is_deleted,
    sort: 0,
  };
}
