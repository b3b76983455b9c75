import type { MenuGroup, PortalPage, PortalService, PortalTrackPanelProps, WebEntry, WebModule } from '@sifa/ui';
import type { ComponentType } from 'react';
import { systemModule } from './system';

/**
 * Every module's web face: the console's own (系统管理), then one line per business module, loaded with a top-level
 * `import()` so that adding one is one line (`npm run new-module` writes it above the marker).
 */
export const WEB_MODULES: readonly WebModule[] = [
  systemModule,
  (await import('@sifa/mediation/web')).mediationWeb,
  (await import('@sifa/legal-aid/web')).legalAidWeb,
  (await import('@sifa/reconsideration/web')).reconsiderationWeb,
  // new-module: add modules above this line
];

/** All pages of all modules, in registration order. */
export const WEB_ENTRIES: readonly WebEntry[] = WEB_MODULES.flatMap((m) => m.entries);

/** Menu groups by order; a group named by an entry but declared by no module sorts last under its key. */
export const MENU_GROUPS: readonly MenuGroup[] = (() => {
  const groups = new Map<string, MenuGroup>();
  for (const m of WEB_MODULES) for (const g of m.groups ?? []) groups.set(g.key, g);
  for (const e of WEB_ENTRIES) {
    if (!groups.has(e.group)) groups.set(e.group, { key: e.group, labelZh: e.group, labelEn: e.group, order: 9999 });
  }
  return [...groups.values()].sort((a, b) => a.order - b.order);
})();

/** The module of a data item (`TodoItem.module`), for its label. */
export function findWebModule(name: string): WebModule | undefined {
  return WEB_MODULES.find((m) => m.name === name);
}

/** The entries a user may open. */
export function allowedEntries(permissions: readonly string[]): WebEntry[] {
  const held = new Set(permissions);
  return WEB_ENTRIES.filter((e) => held.has(e.permission));
}

/** The entry whose path is the longest prefix of `pathname` (so detail pages light up their list's menu item). */
export function entryForPath(pathname: string): WebEntry | undefined {
  let best: WebEntry | undefined;
  for (const e of WEB_ENTRIES) {
    const matches = e.path === '/' ? pathname === '/' : pathname === e.path || pathname.startsWith(`${e.path}/`);
    if (matches && (!best || e.path.length > best.path.length)) best = e;
  }
  return best;
}

/** Every module's pages on the public portal (paths under `/portal`), in registration order. */
export const PORTAL_PAGES: readonly (PortalPage & { module: string })[] = WEB_MODULES.flatMap((m) =>
  (m.portalPages ?? []).map((p) => ({ ...p, module: m.name })),
);

/** The portal home's service list: every module's entries by `order`. */
export const PORTAL_SERVICES: readonly PortalService[] = WEB_MODULES.flatMap((m) => m.portalServices ?? []).sort((a, b) => a.order - b.order);

/** What the module of a tracked matter shows under its tracking result, if anything. */
export function portalTrackPanel(module: string | undefined): ComponentType<PortalTrackPanelProps> | undefined {
  return module ? findWebModule(module)?.portalTrackPanel : undefined;
}
