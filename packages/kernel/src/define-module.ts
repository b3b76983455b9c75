import type { RoleCode } from './shared/permissions';
import type { WorkflowDefinition } from './shared/workflow';
import type { IndicatorDefinition } from './shared/indicators';
import type { IndicatorSource } from './indicators/sources';
import type { ModuleDeps, SifaApp } from './http/types';
import type { JobQueue } from './jobs/queue';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import type { AnyAction } from './matters/actions';

/** A business line plugged into the platform: its tables, routes, permissions and role grants. */
export interface ModuleDefinition {
  name: string;
  labelZh: string;
  labelEn: string;
  /** Directory of the module's numbered `.sql` migrations. */
  migrationsDir?: string;
  permissions: readonly string[];
  /** Permissions each role receives from this module. */
  roleGrants?: Partial<Record<RoleCode, readonly string[]>>;
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
}

export function findWorkflow(modules: readonly ModuleDefinition[], module: string, kind: string): WorkflowDefinition | undefined {
  return modules.find((m) => m.name === module)?.workflows?.find((w) => w.kind === kind);
}

export const defineModule = (m: ModuleDefinition): ModuleDefinition => m;

/** Effective permissions of a set of roles over all registered modules. */
export function permissionsOf(modules: readonly ModuleDefinition[], roles: readonly RoleCode[]): Set<string> {
  const out = new Set<string>();
  for (const m of modules) for (const r of roles) for (const p of m.roleGrants?.[r] ?? []) out.add(p);
  return out;
}
