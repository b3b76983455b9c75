import { lazy } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';
import type { Permission } from '@sifa/kernel/shared';

/** A group in the left menu (a business line, or 系统管理). Lower `order` shows higher. */
export interface MenuGroup {
  key: string;
  labelZh: string;
  labelEn: string;
  order: number;
}

/** One page a module contributes: a menu item and a route, shown to users holding `permission`. */
export interface WebEntry {
  key: string;
  /** The key of a MenuGroup from any registered module. */
  group: string;
  labelZh: string;
  labelEn: string;
  /** Absolute path, e.g. `/system/orgs`. */
  path: string;
  permission: Permission;
  icon?: ComponentType;
  /** The page, loaded on first visit (`lazyPage`). */
  element: LazyExoticComponent<ComponentType>;
  /** Routes without a menu item (detail pages) set this to false. */
  menu?: boolean;
}

/** What a module's `web/index.ts` exports; the console's registry (apps/web/src/registry.ts) lists them. */
export interface WebModule {
  /** The module name used in data (`TodoItem.module`). */
  name: string;
  labelZh: string;
  labelEn: string;
  groups?: readonly MenuGroup[];
  entries: readonly WebEntry[];
}

/**
 * A page component loaded on first visit, from a module with named exports:
 * `lazyPage(() => import('./pages/OrgsPage').then((m) => m.OrgsPage))`.
 */
export function lazyPage(load: () => Promise<ComponentType>): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: await load() }));
}
