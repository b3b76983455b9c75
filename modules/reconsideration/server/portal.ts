import type { ModuleDeps, SifaApp } from '@sifa/kernel';

/** The portal's routes of 行政复议 (网上申请、查询): not built yet (README "Not built yet"). */
export function portalRoutes(_app: SifaApp, _deps: ModuleDeps) {}
