// Benchmark data: a rosterform project of N people (users.d/, contracts.d/, rosterform.yaml) and the Kimai
// sandbox seed that matches it, with a chosen share of users that differ (drift). Deterministic for a given
// (n, drift, mode): the same arguments give the same files and the same seed.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const HOUR = 3600;
const DAY_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const DAY_PREFS = DAY_NAMES.map(
  (d) =>
    `work_${{ mon: "monday", tue: "tuesday", wed: "wednesday", thu: "thursday", fri: "friday", sat: "saturday", sun: "sunday" }[d]}`,
);

/** The contract templates of contracts.d/: as written, and as Kimai preferences. */
const TEMPLATES = [
  {
    name: "full-time-40h",
    type: "week",
    hoursPerWeek: "40h",
    workDays: "mon-fri",
    days: [1, 2, 3, 4, 5],
    vacationDays: 30,
  },
  {
    name: "full-time-38h",
    type: "week",
    hoursPerWeek: "38h",
    workDays: "mon-fri",
    days: [1, 2, 3, 4, 5],
    vacationDays: 30,
  },
  {
    name: "part-time-30h",
    type: "week",
    hoursPerWeek: "30h",
    workDays: "mon-thu",
    days: [1, 2, 3, 4],
    vacationDays: 24,
  },
  {
    name: "part-time-20h",
    type: "week",
    hoursPerWeek: "20h",
    workDays: "mon-wed",
    days: [1, 2, 3],
    vacationDays: 18,
  },
  {
    name: "weekend-16h",
    type: "week",
    hoursPerWeek: "16h",
    workDays: "[sat, sun]",
    days: [6, 7],
    vacationDays: 12,
  },
  {
    name: "monthly-160h",
    type: "month",
    hoursPerMonth: "160h",
    workDays: "[mon, tue, wed, thu, fri]",
    days: [1, 2, 3, 4, 5],
    vacationDays: 30,
  },
  {
    name: "monthly-80h",
    type: "month",
    hoursPerMonth: "80h",
    workDays: "mon-fri",
    days: [1, 2, 3, 4, 5],
    vacationDays: 15,
  },
  { name: "hourly-day", type: "day", hours: { mon: 8, tue: 8, wed: 8, thu: 8, fri: 4 }, vacationDays: 28 },
  {
    name: "short-friday",
    type: "day",
    hours: { mon: 8.5, tue: 8.5, wed: 8.5, thu: 8.5, fri: 5 },
    vacationDays: 30,
  },
  { name: "external", type: "none" },
];
const TEMPLATE = Object.fromEntries(TEMPLATES.map((t) => [t.name, t]));

const FIRST = [
  "Anna",
  "Max",
  "Lena",
  "Jonas",
  "Sophie",
  "Paul",
  "Erika",
  "Tom",
  "Marie",
  "Lukas",
  "Mia",
  "Felix",
  "Emma",
  "Leon",
  "Hannah",
  "Noah",
  "Lea",
  "Elias",
  "Clara",
  "Jürgen",
  "Zoë",
  "Ömer",
  "Aylin",
  "Mateo",
];
const LAST = [
  "Schmidt",
  "Müller",
  "Weber",
  "Fischer",
  "Wagner",
  "Becker",
  "Hoffmann",
  "Schäfer",
  "Koch",
  "Richter",
  "Klein",
  "Wolf",
  "Neumann",
  "Schwarz",
  "Zimmermann",
  "Braun",
  "Krüger",
  "Hartmann",
  "Lange",
  "Yılmaz",
];
const TITLES = [
  "Barista",
  "Cashier",
  "Shift Lead",
  "Backend Engineer",
  "Support Agent",
  "Accountant",
  "Designer",
  "Warehouse Operative",
  "Nurse",
  "Driver",
  "Team Lead",
  "Sales Representative",
];

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ASCII = { ä: "ae", ö: "oe", ü: "ue", ë: "e", ß: "ss", ı: "i" };
/** Usernames and emails in ASCII, as most directories make them (Müller → mueller). */
const ascii = (text) => text.replace(/[äöüëßı]/g, (c) => ASCII[c]);

const hours = (text) => {
  const m = /^(\d+(?:\.\d+)?)h$/.exec(text);
  if (!m) throw new Error(`bench: unsupported duration ${text}`);
  return Math.round(Number(m[1]) * HOUR);
};

/** The Kimai preferences (name → value) a contract stores; every work-contract row exists, as after a create. */
function contractPrefs(c) {
  const p = {
    work_contract_type: "none",
    ...Object.fromEntries(DAY_PREFS.map((d) => [d, "0"])),
    public_holiday_group: null,
    holidays: "0",
    work_start_day: null,
    work_last_day: null,
    hours_per_week: "0",
    hours_per_month: "0",
    work_days_week: null,
    work_days_month: null,
  };
  if (!c) return p;
  p.work_contract_type = c.type;
  if (c.type === "week") {
    p.hours_per_week = String(hours(c.hoursPerWeek));
    p.work_days_week = c.days.join(",");
  } else if (c.type === "month") {
    p.hours_per_month = String(hours(c.hoursPerMonth));
    p.work_days_month = c.days.join(",");
  } else if (c.type === "day") {
    DAY_NAMES.forEach((d, i) => {
      p[DAY_PREFS[i]] = String(Math.round((c.hours[d] ?? 0) * HOUR));
    });
  }
  if (c.vacationDays !== undefined) p.holidays = String(c.vacationDays);
  if (c.publicHolidayGroup !== undefined) p.public_holiday_group = String(c.publicHolidayGroup);
  if (c.start !== undefined) p.work_start_day = c.start;
  if (c.end !== undefined) p.work_last_day = c.end;
  return p;
}

function templateYaml(t) {
  const lines = [
    "# yaml-language-server: $schema=../schemas/contract.schema.json",
    `name: ${t.name}`,
    `type: ${t.type}`,
  ];
  if (t.hoursPerWeek) lines.push(`hoursPerWeek: ${t.hoursPerWeek}`);
  if (t.hoursPerMonth) lines.push(`hoursPerMonth: ${t.hoursPerMonth}`);
  if (t.workDays) lines.push(`workDays: ${t.workDays}`);
  if (t.hours)
    lines.push(
      `hours: { ${Object.entries(t.hours)
        .map(([d, h]) => `${d}: ${h}h`)
        .join(", ")} }`,
    );
  if (t.vacationDays !== undefined) lines.push(`vacationDays: ${t.vacationDays}`);
  return `${lines.join("\n")}\n`;
}

/** One person's contract(s): YAML lines and the contract in force (for the seed). */
function contractOf(i, r) {
  const x = r();
  if (x < 0.3) return { yaml: ["contract: full-time-40h"], current: TEMPLATE["full-time-40h"] };
  if (x < 0.4) return { yaml: ["contract: full-time-38h"], current: TEMPLATE["full-time-38h"] };
  if (x < 0.5) {
    const t = r() < 0.5 ? "part-time-30h" : "part-time-20h";
    return { yaml: [`contract: ${t}`], current: TEMPLATE[t] };
  }
  if (x < 0.6) {
    const t = r() < 0.7 ? "monthly-160h" : "monthly-80h";
    return { yaml: [`contract: ${t}`], current: TEMPLATE[t] };
  }
  if (x < 0.68) {
    const t = r() < 0.6 ? "hourly-day" : "short-friday";
    return { yaml: [`contract: ${t}`], current: TEMPLATE[t] };
  }
  if (x < 0.74) {
    // Inline day contract, hours per weekday.
    const fri = [4, 5, 6][i % 3];
    const c = { type: "day", hours: { mon: 8, tue: 8, wed: 7.5, thu: 8, fri }, vacationDays: 25 + (i % 6) };
    return {
      yaml: [
        "contract:",
        "  type: day",
        `  hours: { mon: 8h, tue: 8h, wed: 7h30m, thu: 8h, fri: ${fri}h }`,
        `  vacationDays: ${c.vacationDays}`,
      ],
      current: c,
    };
  }
  if (x < 0.8) {
    // Inline week contract with employment dates and a holiday group.
    const h = [32, 35, 36, 39][i % 4];
    const start = `20${String(15 + (i % 10)).padStart(2, "0")}-0${1 + (i % 9)}-01`;
    const c = {
      type: "week",
      hoursPerWeek: `${h}h`,
      days: [1, 2, 3, 4, 5],
      vacationDays: 28,
      publicHolidayGroup: 1 + (i % 3),
      start,
    };
    const lines = [
      "contract:",
      "  type: week",
      `  hoursPerWeek: ${h}h`,
      "  workDays: mon-fri",
      "  vacationDays: 28",
      `  publicHolidayGroup: ${c.publicHolidayGroup}`,
      `  start: ${start}`,
    ];
    if (i % 7 === 0) {
      c.end = "2099-12-31";
      lines.push("  end: 2099-12-31");
    }
    return { yaml: lines, current: c };
  }
  if (x < 0.88) {
    // Effective-dated: a change that already happened, and for some a scheduled one.
    const lines = [
      "contracts:",
      "  - from: 2023-01-01",
      "    use: part-time-20h",
      "  - from: 2025-01-01",
      "    use: full-time-40h",
    ];
    if (r() < 0.3) {
      lines.push(
        "  - from: 2099-01-01",
        "    type: day",
        "    hours: { mon: 8h, tue: 8h, wed: 8h, thu: 8h, fri: 4h }",
        "    vacationDays: 30",
      );
    }
    return { yaml: lines, current: TEMPLATE["full-time-40h"] };
  }
  if (x < 0.93) return { yaml: ["contract: external"], current: TEMPLATE.external };
  return { yaml: [], current: undefined }; // no contract declared: never compared
}

/**
 * Writes the project under `dir` (replacing it) and returns the matching seed and what differs.
 * mode "plan": `drift` of the users differ (a quarter missing on the server, the rest with one stale value)
 * and a few unmanaged users exist on the server. mode "apply": exactly `changes` users differ, half of them
 * missing (creates) and half with a stale title and holiday count (updates: two requests each).
 * The org chart is a tree with `fanOut` reports per manager, or with `depth`: chains of `depth` managers
 * (one per 100 people) with everyone else reporting to the last of a chain, so every listed user nests a
 * supervisor chain exactly `depth` deep (Kimai repeats the whole chain inside every user).
 */
export function generate({
  dir,
  n,
  drift = 0.01,
  mode = "plan",
  changes = 0,
  fanOut = 8,
  depth = undefined,
  seed = 42,
}) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "users.d"), { recursive: true });
  mkdirSync(join(dir, "contracts.d"), { recursive: true });
  writeFileSync(
    join(dir, "rosterform.yaml"),
    [
      "# yaml-language-server: $schema=schemas/rosterform.schema.json",
      "targets:",
      "  kimai:",
      "    url: https://kimai.example.com",
      "    workContractPlugin: auto",
      "policy:",
      "  unmanaged: report",
      "  protect: [admin]",
      "  limits: { deactivate: 10% }",
      "defaults:",
      "  language: en",
      "  timezone: Europe/Berlin",
      "",
    ].join("\n"),
  );
  for (const t of TEMPLATES) writeFileSync(join(dir, "contracts.d", `${t.name}.yaml`), templateYaml(t));

  const r = rng(seed + n);
  const chains = Math.max(1, Math.round(n / 100));
  const managers = depth === undefined ? 0 : Math.min(n - 1, chains * depth);
  const isLeaf = depth === undefined ? (i) => i * fanOut + 1 >= n : (i) => i >= managers;
  const supervisorOf =
    depth === undefined
      ? (i) => (i === 0 ? null : Math.floor((i - 1) / fanOut))
      : (i) =>
          i < managers
            ? i % depth === 0
              ? null
              : i - 1 // manager chain c: users c·depth … c·depth + depth − 1
            : Math.floor((i - managers) % chains) * depth + depth - 1;
  // Who differs: every k-th user, deterministically.
  const driftCount = mode === "apply" ? changes : Math.round(n * drift);
  const drifted = new Map(); // index -> "create" | update kind
  if (driftCount > 0) {
    const leaves = [];
    for (let i = 1; i < n; i++) if (isLeaf(i) && i % 50 !== 7) leaves.push(i); // enabled leaves
    const creates = mode === "apply" ? Math.floor(driftCount / 2) : Math.round(driftCount / 4);
    if (mode === "apply") {
      // Creates are people nobody reports to (no create waits for another); updates are anyone else enabled.
      const step = Math.max(1, Math.floor(leaves.length / creates));
      for (let k = 0, j = 0; k < creates && j < leaves.length; k++, j += step)
        drifted.set(leaves[j], "create");
      for (let i = 0; i < n && drifted.size < driftCount; i++) {
        if (!drifted.has(i) && !(isLeaf(i) && i % 50 === 7)) drifted.set(i, "title+holidays");
      }
    } else {
      const step = Math.max(1, Math.floor(leaves.length / driftCount));
      for (let k = 0, j = 0; k < driftCount && j < leaves.length; k++, j += step) {
        drifted.set(leaves[j], k < creates ? "create" : UPDATE_KINDS[k % UPDATE_KINDS.length]);
      }
    }
  }

  const usernames = [];
  const seedUsers = [
    {
      id: 1,
      username: "admin",
      email: "admin@example.com",
      roles: ["ROLE_SUPER_ADMIN"],
      alias: "Kimai Admin",
      timezone: "Europe/Berlin",
    },
  ];
  const stats = { users: n, create: 0, update: 0, unmanaged: 0, disabled: 0 };
  for (let i = 0; i < n; i++) {
    const first = FIRST[i % FIRST.length];
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length];
    const username = ascii(`${first}.${last}.${i}`.toLowerCase());
    usernames.push(username);
  }
  for (let i = 0; i < n; i++) {
    const first = FIRST[i % FIRST.length];
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length];
    const username = usernames[i];
    const email = `${username}@example.com`;
    const leaf = isLeaf(i);
    const sup = supervisorOf(i);
    const enabled = !(leaf && i % 50 === 7); // off-boarded people, leaves only (a supervisor must be enabled)
    const roles = i === 0 ? ["ROLE_ADMIN"] : leaf ? (i % 97 === 0 ? ["ROLE_ADMIN"] : []) : ["ROLE_TEAMLEAD"];
    const title = i === 0 ? "Managing Director" : leaf ? TITLES[i % TITLES.length] : "Team Lead";
    const language = i % 5 === 0 ? "de" : undefined;
    const rates =
      r() < 0.7 ? { hourly: 30 + (i % 90), internal: i % 3 === 0 ? 20 + (i % 40) : undefined } : undefined;
    const firstWeekday = i % 20 === 3 ? "sunday" : undefined;
    const contract = contractOf(i, r);

    const lines = [
      "# yaml-language-server: $schema=../schemas/user.schema.json",
      `username: ${username}`,
      `email: ${email}`,
    ];
    if (i % 2 === 0) lines.push(`name: { first: ${first}, last: ${last} }`);
    else lines.push("name:", `  first: ${first}`, `  last: ${last}`);
    lines.push(`title: ${title}`, `accountNumber: "E-${10000 + i}"`);
    if (!enabled) lines.push("enabled: false # off-boarded");
    if (roles.length > 0) lines.push(`roles: [${roles.join(", ")}]`);
    if (language) lines.push(`language: ${language}`);
    lines.push(sup === null ? "supervisor: null # top of the chain" : `supervisor: ${usernames[sup]}`);
    if (rates) {
      lines.push(
        rates.internal === undefined
          ? `rates: { hourly: ${rates.hourly} }`
          : `rates: { hourly: ${rates.hourly}, internal: ${rates.internal} }`,
      );
    }
    lines.push(...contract.yaml);
    if (firstWeekday) lines.push(`preferences: { first_weekday: ${firstWeekday} }`);
    writeFileSync(join(dir, "users.d", `${username}.yaml`), `${lines.join("\n")}\n`);
    if (!enabled) stats.disabled++;

    // The server's view of the same person.
    const kind = drifted.get(i);
    if (kind === "create") {
      stats.create++;
      continue;
    }
    const prefs = contractPrefs(contract.current);
    if (rates) {
      prefs.hourly_rate = String(rates.hourly);
      if (rates.internal !== undefined) prefs.internal_rate = String(rates.internal);
    }
    if (firstWeekday) prefs.first_weekday = firstWeekday;
    const user = {
      id: i + 2,
      username,
      email: i % 10 === 0 ? email.toUpperCase() : email, // compared case-insensitively: not a change
      enabled,
      roles,
      alias: `${first} ${last}`,
      title,
      accountNumber: `E-${10000 + i}`,
      language: language ?? "en",
      timezone: "Europe/Berlin",
      supervisor: sup === null ? null : sup + 2,
      preferences: [],
    };
    if (kind !== undefined) {
      stats.update++;
      // A difference in something the file does not declare is not a change: pick a declared field then.
      const visible =
        (kind !== "rate" || rates !== undefined) &&
        (kind !== "roles" || roles.length > 0) &&
        (kind !== "hours" || contract.current !== undefined) &&
        (kind !== "holidays" || contract.current?.vacationDays !== undefined);
      applyDrift(visible ? kind : "title", user, prefs, i);
    }
    user.preferences = Object.entries(prefs).map(([name, value]) => ({ name, value }));
    seedUsers.push(user);
  }
  // People on the server that nobody declared (left the company, never removed): reported, not changed.
  const unmanaged = mode === "plan" ? Math.max(1, Math.round(n / 2000)) : 0;
  for (let k = 0; k < unmanaged; k++) {
    seedUsers.push({
      id: n + 2 + k,
      username: `former.${k}`,
      email: `former.${k}@example.com`,
      enabled: k % 2 === 0,
      preferences: [...Object.entries(contractPrefs(undefined))].map(([name, value]) => ({ name, value })),
    });
    stats.unmanaged++;
  }
  const token = "bench-token-0123456789abcdef";
  return {
    seed: {
      version: "2.66.0",
      workContractPlugin: true,
      users: seedUsers,
      teams: [],
      tokens: { [token]: 1 },
    },
    token,
    stats,
    /** username → how it differs on the server. */
    drift: Object.fromEntries([...drifted].map(([i, kind]) => [usernames[i], kind])),
    /** username → Kimai id, as a per-resource tool keeps in its state file. */
    ids: Object.fromEntries(seedUsers.map((u) => [u.username, u.id])),
  };
}

const UPDATE_KINDS = ["title", "hours", "rate", "roles", "supervisor", "holidays", "reactivate", "language"];

function applyDrift(kind, user, prefs, i) {
  switch (kind) {
    case "title":
      user.title = "Intern";
      break;
    case "hours":
      prefs.work_contract_type = "week";
      prefs.hours_per_week = "136800"; // 38h
      prefs.work_days_week = "1,2,3,4";
      break;
    case "rate":
      prefs.hourly_rate = "12.5";
      break;
    case "roles":
      user.roles = [...user.roles, "ROLE_ADMIN"];
      break;
    case "supervisor":
      user.supervisor = user.supervisor === 2 ? null : 2;
      break;
    case "holidays":
      prefs.holidays = "1";
      break;
    case "reactivate":
      user.enabled = !user.enabled;
      break;
    case "language":
      user.language = user.language === "de" ? "fr" : "de";
      break;
    case "title+holidays":
      user.title = "Intern";
      prefs.holidays = String(Number(prefs.holidays ?? 0) + 1);
      break;
    default:
      throw new Error(`bench: unknown drift ${kind} for user ${i}`);
  }
}
