import type { ModuleDefinition } from './define-module';

/**
 * One request of a staff member's day, as the load bench sends it (bench/load.ts, ADR 0021). A business line declares
 * its own (`loadSteps`: its list with filters, its matter's page, an action, its dashboard); the kernel adds the
 * shared matter page's requests for every line with a workflow and its own to-do list, so a new line is measured
 * under load the day it is registered.
 */
export interface LoadStep {
  /** How the step is reported, e.g. `GET /api/mediation/disputes/{id}`. */
  name: string;
  method?: 'GET' | 'POST';
  /** The URL; `{matter}` becomes a matter of the line's in the user's scope, `{org}` the user's unit. */
  path: string;
  /** A write's JSON body; `n` differs on every request of the run. */
  body?: (vars: { org: string; matter: string; n: number }) => unknown;
  /** A write (the targets differ: reads p95 ≤ 50 ms, writes ≤ 100 ms on PostgreSQL). */
  write?: boolean;
}

/** A module's steps as the bench runs them, with the module they measure (`{matter}` is one of its matters). */
export interface ModuleLoad {
  module: string;
  steps: readonly LoadStep[];
}

/** The shared matter page (packages/ui MatterPage): what every line's matter page asks the kernel for. */
export const MATTER_PAGE_LOAD_STEPS: readonly LoadStep[] = [
  { name: 'GET /api/matters/{id}', path: '/api/matters/{matter}' },
  { name: 'GET /api/matters/{id}/parties', path: '/api/matters/{matter}/parties' },
  { name: 'GET /api/matters/{id}/timeline', path: '/api/matters/{matter}/timeline' },
  { name: 'GET /api/matters/{id}/deadlines', path: '/api/matters/{matter}/deadlines' },
  { name: 'GET /api/matters/{id}/documents', path: '/api/matters/{matter}/documents' },
];

/**
 * The steps of every module with a day to measure: the line's own (its `loadSteps`) then its matter page's; a
 * module without matters (the kernel) brings only its own steps, which need no `{matter}`.
 */
export function loadStepsOf(modules: readonly ModuleDefinition[]): ModuleLoad[] {
  return modules.flatMap((m) => {
    const matterPage = m.workflows?.length ? MATTER_PAGE_LOAD_STEPS : [];
    const steps = [...(m.loadSteps ?? []), ...matterPage];
    return steps.length ? [{ module: m.name, steps }] : [];
  });
}
