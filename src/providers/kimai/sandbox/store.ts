// The sandbox state: users, teams and tokens in Maps, with case-insensitive indexes for the unique
// columns (Kimai's MySQL collations compare case-insensitively).

import { createHash } from "node:crypto";
import type { AccessTokenRecord, CustomerRecord, ProjectRecord, TeamRecord, UserRecord } from "./model.js";
import { type KimaiFeatures, featuresOf } from "./versions.js";

const key = (value: string): string => value.toLowerCase();

export function hashApiPassword(plain: string): string {
  return createHash("sha256").update(plain).digest("hex");
}

export class KimaiStore {
  readonly users = new Map<number, UserRecord>();
  readonly teams = new Map<number, TeamRecord>();
  readonly customers = new Map<number, CustomerRecord>();
  readonly projects = new Map<number, ProjectRecord>();
  readonly tokens = new Map<string, AccessTokenRecord>();
  /** Roles other than the built-in ones that exist in this installation (seeded on users). */
  readonly customRoles = new Set<string>();
  private readonly byUsername = new Map<string, number>();
  private readonly byEmail = new Map<string, number>();
  private readonly byTeamName = new Map<string, number>();
  private nextUserId = 1;
  private nextTeamId = 1;
  /** Bumped on every user change; list sort caches key on it. */
  revision = 0;

  private played: { version: string; features: KimaiFeatures };

  constructor(
    version: string,
    public workContractPlugin: boolean,
  ) {
    this.played = { version, features: featuresOf(version) };
  }

  /** The Kimai release this sandbox plays. */
  get version(): string {
    return this.played.version;
  }

  set version(version: string) {
    this.played = { version, features: featuresOf(version) };
    this.revision += 1;
  }

  /** What that release does differently (versions.ts). */
  get features(): KimaiFeatures {
    return this.played.features;
  }

  allocateUserId(): number {
    return this.nextUserId;
  }

  addUser(user: UserRecord): void {
    this.users.set(user.id, user);
    this.byUsername.set(key(user.username), user.id);
    this.byEmail.set(key(user.email), user.id);
    this.nextUserId = Math.max(this.nextUserId, user.id + 1);
    this.revision += 1;
  }

  userByUsername(username: string): UserRecord | undefined {
    const id = this.byUsername.get(key(username));
    return id === undefined ? undefined : this.users.get(id);
  }

  userByEmail(email: string): UserRecord | undefined {
    const id = this.byEmail.get(key(email));
    return id === undefined ? undefined : this.users.get(id);
  }

  setEmail(user: UserRecord, email: string): void {
    if (this.byEmail.get(key(user.email)) === user.id) this.byEmail.delete(key(user.email));
    user.email = email;
    this.byEmail.set(key(email), user.id);
    this.revision += 1;
  }

  /** Call after any other change to a user that a list could show or sort on. */
  touch(): void {
    this.revision += 1;
  }

  teamByName(name: string): TeamRecord | undefined {
    const id = this.byTeamName.get(key(name));
    return id === undefined ? undefined : this.teams.get(id);
  }

  createTeam(name: string, color: string | null, id = this.nextTeamId): TeamRecord {
    const team: TeamRecord = { id, name, color, members: new Map(), customerIds: [], projectIds: [] };
    this.teams.set(id, team);
    this.byTeamName.set(key(name), id);
    this.nextTeamId = Math.max(this.nextTeamId, id + 1);
    this.revision += 1;
    return team;
  }

  renameTeam(team: TeamRecord, name: string): void {
    if (this.byTeamName.get(key(team.name)) === team.id) this.byTeamName.delete(key(team.name));
    team.name = name;
    this.byTeamName.set(key(name), team.id);
    this.revision += 1;
  }

  addMember(team: TeamRecord, userId: number, teamlead: boolean): void {
    const user = this.users.get(userId);
    if (user === undefined) return;
    if (!team.members.has(userId)) user.teamIds.push(team.id);
    team.members.set(userId, teamlead);
    this.revision += 1;
  }

  removeMember(team: TeamRecord, userId: number): void {
    if (!team.members.delete(userId)) return;
    const user = this.users.get(userId);
    if (user !== undefined) user.teamIds = user.teamIds.filter((id) => id !== team.id);
    this.revision += 1;
  }

  /** Replaces all members, keeping the given order. */
  replaceMembers(team: TeamRecord, members: ReadonlyArray<{ userId: number; teamlead: boolean }>): void {
    for (const userId of [...team.members.keys()]) this.removeMember(team, userId);
    for (const member of members) this.addMember(team, member.userId, member.teamlead);
  }

  deleteTeam(team: TeamRecord): void {
    for (const userId of [...team.members.keys()]) this.removeMember(team, userId);
    for (const customerId of [...team.customerIds]) this.revoke(team, "customer", customerId);
    for (const projectId of [...team.projectIds]) this.revoke(team, "project", projectId);
    this.teams.delete(team.id);
    if (this.byTeamName.get(key(team.name)) === team.id) this.byTeamName.delete(key(team.name));
    this.revision += 1;
  }

  addCustomer(customer: CustomerRecord): void {
    this.customers.set(customer.id, customer);
  }

  addProject(project: ProjectRecord): void {
    this.projects.set(project.id, project);
  }

  /** Team::addCustomer / addProject: both sides of the many-to-many, in grant order. */
  grant(team: TeamRecord, kind: "customer" | "project", id: number): void {
    const subject = kind === "customer" ? this.customers.get(id) : this.projects.get(id);
    const ids = kind === "customer" ? team.customerIds : team.projectIds;
    if (subject === undefined || ids.includes(id)) return;
    ids.push(id);
    subject.teamIds.push(team.id);
  }

  revoke(team: TeamRecord, kind: "customer" | "project", id: number): void {
    const subject = kind === "customer" ? this.customers.get(id) : this.projects.get(id);
    if (kind === "customer") team.customerIds = team.customerIds.filter((c) => c !== id);
    else team.projectIds = team.projectIds.filter((p) => p !== id);
    if (subject !== undefined) subject.teamIds = subject.teamIds.filter((t) => t !== team.id);
  }
}
