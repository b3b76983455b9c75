import type { ModuleDeps, SifaApp } from '@sifa/kernel';
import { categoryRoutes } from './categories/category-routes';
import { courtRoutes } from './court/court-routes';
import { disputeRoutes } from './disputes/routes';
import { portalRoutes } from './portal/portal';
import { registryRoutes } from './registry/registry-routes';
import { screeningRoutes } from './screening/screening-routes';

/** The module's routes, by sub-domain, in the order they have always been registered (the OpenAPI document keeps it). */
export function mediationRoutes(app: SifaApp, deps: ModuleDeps) {
  portalRoutes(app, deps); // the public portal: apply, rate (portal/portal.ts)
  courtRoutes(app, deps); // court linkage: referrals in, results back (court/court-routes.ts)
  registryRoutes(app, deps); // committees and mediators (registry/registry-routes.ts)
  screeningRoutes(app, deps); // dispute screening 矛盾纠纷排查 (screening/screening-routes.ts)
  categoryRoutes(app, deps); // dispute categories 纠纷类型 (categories/category-routes.ts)
  disputeRoutes(app, deps); // register, list, detail, confirmation, risk, follow-ups (disputes/routes.ts)
}
