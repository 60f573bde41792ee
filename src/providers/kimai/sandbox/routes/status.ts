// /api/ping, /api/version, /api/plugins (src/API/StatusController.php).

import type { RouteDef, Scope } from "../context.js";
import { WORK_CONTRACT_BUNDLE, versionId } from "../constants.js";
import { json } from "../http-errors.js";

export const statusRoutes: RouteDef[] = [
  { pattern: /^\/api\/ping$/, methods: { GET: () => json(200, JSON.stringify({ message: "pong" })) } },
  {
    pattern: /^\/api\/version$/,
    methods: {
      GET: (scope: Scope) => {
        const version = scope.store.version;
        return json(
          200,
          JSON.stringify({
            version,
            versionId: versionId(version),
            copyright: `Kimai ${version} by Kevin Papst.`,
          }),
        );
      },
    },
  },
  {
    pattern: /^\/api\/plugins$/,
    methods: {
      GET: (scope: Scope) =>
        json(200, JSON.stringify(scope.store.workContractPlugin ? [WORK_CONTRACT_BUNDLE] : [])),
    },
  },
];
