import { fileURLToPath } from 'node:url';
import { registerDeadlineJobs } from './deadlines/reminders';
import { defineModule, type ModuleDefinition } from './define-module';
import type { AuthRouteOptions } from './http/auth.routes';
import { authRoutes } from './http/auth.routes';
import { auditRoutes } from './http/audit.routes';
import { deadlineRoutes } from './http/deadline.routes';
import { documentRoutes } from './http/document.routes';
import { documentKindRoutes } from './http/document-kind.routes';
import { indicatorRoutes } from './http/indicator.routes';
import { matterRoutes } from './http/matter.routes';
import { notificationRoutes } from './http/notification.routes';
import { orgRoutes } from './http/org.routes';
import { publicRoutes } from './http/public.routes';
import { partyRoutes } from './http/party.routes';
import { userRoutes } from './http/user.routes';
import { KERNEL_PERMISSIONS, KERNEL_ROLE_GRANTS } from './shared/permissions';
import { workbenchRoutes } from './http/workbench.routes';
import { createFieldCrypto } from './parties/crypto';
import { configureWorkbench } from './workbench/runtime';

export const KERNEL_MIGRATIONS = fileURLToPath(new URL('../migrations', import.meta.url));

/** The kernel as a module: organisation tree, accounts, sign-in, audit, to-do. */
export function kernelModule(opts: Omit<AuthRouteOptions, 'modules'>, modules: () => readonly ModuleDefinition[]) {
  return defineModule({
    name: 'kernel',
    labelZh: '系统管理',
    labelEn: 'System',
    migrationsDir: KERNEL_MIGRATIONS,
    permissions: KERNEL_PERMISSIONS,
    roleGrants: KERNEL_ROLE_GRANTS,
    // every user's shell and landing page (the workbench, ADR 0023), measured by the load bench (ADR 0021)
    loadSteps: [
      { name: 'GET /api/workbench', path: '/api/workbench' },
      { name: 'GET /api/workbench/items', path: '/api/workbench/items?stage=inHand' },
      { name: 'GET /api/todos', path: '/api/todos' },
      { name: 'GET /api/notifications/unread-count', path: '/api/notifications/unread-count' },
    ],
    jobs(queue, deps) {
      registerDeadlineJobs(queue, deps.engine.db, deps.clock);
    },
    routes(app, deps) {
      // registration and workflow actions tell the holders of new work and the citizen who applied (ADR 0023)
      configureWorkbench({ modules, crypto: createFieldCrypto(deps.dataKey) });
      workbenchRoutes(app, deps, modules);
      authRoutes(app, deps, { ...opts, modules });
      orgRoutes(app, deps);
      userRoutes(app, deps, modules);
      auditRoutes(app, deps, modules);
      deadlineRoutes(app, deps);
      matterRoutes(app, deps, modules);
      indicatorRoutes(app, deps, modules);
      notificationRoutes(app, deps);
      publicRoutes(app, deps, modules, { secureCookie: opts.secureCookie });
      partyRoutes(app, deps);
      documentRoutes(app, deps);
      documentKindRoutes(app, modules);
    },
  });
}
