import type { DeadlineRule } from './shared/deadline-model';
import type { OrgKind } from './shared/orgs';
import type { ModuleRoleCode, OrgRoleCode, RoleCode } from './shared/permissions';
import type { WorkflowDefinition } from './shared/workflow';
import type { IndicatorDefinition } from './shared/indicators';
import type { IndicatorSource } from './indicators/sources';
import type { ModuleDeps, SifaApp } from './http/types';
import type { JobQueue } from './jobs/queue';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import type { AnyAction } from './matters/actions';
import type { LoadStep } from './load-steps';

/** A business line plugged into the platform: its tables, routes, permissions and role grants. */
export interface ModuleDefinition {
  name: string;
  labelZh: string;
  labelEn: string;
  /** Directory of the module's numbered `.sql` migrations. */
  migrationsDir?: string;
  permissions: readonly string[];
  /** Permissions each org-level role receives from this module. */
  roleGrants?: Partial<Record<OrgRoleCode, readonly string[]>>;
  routes?: (app: SifaApp, deps: ModuleDeps) => Promise<void> | void;
  /** Workflows of the module's matter kinds; the kernel's matter routes read them. */
  workflows?: readonly WorkflowDefinition[];
  indicators?: readonly IndicatorDefinition[];
  /** Demo records for a first start with demo data (SIFA_SEED_DEMO); `size` scales the module's sample. */
  seedDemo?: (db: Kysely<Database>, opts: { size: number; now: Date }) => Promise<void>;
  /** Background jobs of the module: handlers and schedules on the shared queue. */
  jobs?: (queue: JobQueue, deps: ModuleDeps) => void;
  /** Tables the module's indicators count (kernel.matters is always there). */
  indicatorSources?: readonly IndicatorSource[];
  /** Typed workflow actions (matters/actions.ts): the kernel makes each one's route, checks and audit entry (ADR 0014). */
  actions?: readonly AnyAction[];
  /**
   * The Chinese and English words for the module's audit codes its workflows do not name (registry changes, exports …);
   * the audit page shows them instead of the code (issue #13 item 9). Workflow actions are named by the workflow.
   */
  auditActions?: Readonly<Record<string, { zh: string; en: string }>>;
  // What else a module brings (issue #10): the kernel and the apps assemble these; boot refuses a wrong one.
  /** Statute periods of the module by id (`<module>.…`); the kernel's catalogue in force is assembled from every module's. */
  deadlines?: Readonly<Record<string, DeadlineRule>>;
  /** Roles of the module (`<module>.<role>`), held beside the org-level roles; a holder gets their permissions. */
  roles?: readonly ModuleRole[];
  /** Documents the module issues on its matters (`<module>.…`). */
  documentKinds?: readonly DocumentKind[];
  /** Units the module adds under the kernel's bureau tree when a city is first seeded. */
  seedUnits?: readonly SeedUnit[];
  /** The module's part of the scope test (resources, forbidden strings, snapshot), loaded only by the test. */
  scopeFixtures?: () => Promise<{ scopeFixtures: ScopeFixtures }>;
  /** A staff member's day on the line, for the load bench (load-steps.ts, ADR 0021); the matter page's are added. */
  loadSteps?: readonly LoadStep[];
}

/**
 * A role a module adds (e.g. mediation's 调解员, later the legal-aid centre's staff). Its permissions are the
 * module's own or the kernel's; the platform administrator assigns it (MANAGEABLE_ROLES), beside an org-level role.
 */
export interface ModuleRole {
  code: ModuleRoleCode;
  nameZh: string;
  nameEn: string;
  permissions: readonly string[];
}

/** A kind of document the module issues, e.g. `mediation.agreement` 人民调解协议书. */
export interface DocumentKind {
  kind: string;
  nameZh: string;
  nameEn: string;
  /** Its number template (`{abbr}调协〔{year}〕{seq}号`); the kernel's `{abbr}文〔{year}〕{seq}号` when absent. */
  number?: string;
}

/**
 * A unit the seed adds under each unit of a kernel kind, named after that unit's division (人民调解法 第八条: a
 * committee under each judicial office): `{ under: 'judicial-office', kind: 'mediation-committee', name: (town) => … }`.
 */
export interface SeedUnit {
  under: 'city-bureau' | 'county-bureau' | 'judicial-office';
  kind: OrgKind;
  name: (divisionName: string) => string;
  sort: number;
}

/** An HTTP client signed in as one account (the test kit's Agent has this shape). */
export interface ScopeAgent {
  request: (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown) => Promise<{ statusCode: number; json: () => unknown }>;
}

/** What a module's scope fixtures receive: the prober of county A (章贡区), an account of county B (宁都县), the database. */
export interface ScopeFixtureKit {
  prober: ScopeAgent;
  neighbour: ScopeAgent;
  db: Kysely<Database>;
  orgId: (name: string) => Promise<string>;
  /** Ids of a unit and of every unit under it, read when called (units created since included). */
  subtree: (orgId: string) => Promise<string[]>;
}

/** A module's part of the scope test: a resource pair per `scopeProbe.resource` its routes name. */
export interface ModuleScopeFixtures {
  /** `inside`: an id (or a factory of fresh ones) the prober may touch; `outside`: one of county B it must not. */
  resources: Record<string, { inside: string | (() => Promise<string>); outside: string }>;
  /** County B's ids and names that must never appear in what the prober can list. */
  forbidden: string[];
  /** County B's rows of the module's tables, whose change would be a write across the boundary. */
  snapshot: () => Promise<unknown>;
}
export type ScopeFixtures = (kit: ScopeFixtureKit) => Promise<ModuleScopeFixtures>;

export function findWorkflow(modules: readonly ModuleDefinition[], module: string, kind: string): WorkflowDefinition | undefined {
  return modules.find((m) => m.name === module)?.workflows?.find((w) => w.kind === kind);
}

export const defineModule = (m: ModuleDefinition): ModuleDefinition => m;

/** Effective permissions of a set of roles over all registered modules: org-level grants and module roles. */
export function permissionsOf(modules: readonly ModuleDefinition[], roles: readonly RoleCode[]): Set<string> {
  const out = new Set<string>();
  for (const m of modules) {
    for (const r of roles) for (const p of m.roleGrants?.[r as OrgRoleCode] ?? []) out.add(p);
    for (const role of m.roles ?? []) if (roles.includes(role.code)) for (const p of role.permissions) out.add(p);
  }
  return out;
}

/** Every document kind of the registered modules, with the module that declares it. */
export const documentKindsOf = (modules: readonly ModuleDefinition[]): (DocumentKind & { module: string })[] =>
  modules.flatMap((m) => (m.documentKinds ?? []).map((d) => ({ ...d, module: m.name })));

/** Every module role of the registered modules, with the module that declares it. */
export const moduleRolesOf = (modules: readonly ModuleDefinition[]): (ModuleRole & { module: string })[] =>
  modules.flatMap((m) => (m.roles ?? []).map((r) => ({ ...r, module: m.name })));
