import { lazy } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';
import type { Permission, WorkflowDefinition } from '@sifa/kernel/shared';

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

/** What a module's form for a workflow action receives on the kernel's matter page. */
export interface MatterActionFormProps {
  matterId: string;
  /** The matter version the user saw; send it as `expectedVersion`. */
  expectedVersion: number;
  action: string;
  /** Close without acting. */
  onClose: () => void;
  /** The action was taken: the page reloads the matter. */
  onDone: () => void;
}

/** What a module's `web/index.ts` exports; the console's registry (apps/web/src/registry.ts) lists them. */
export interface WebModule {
  /** The module name used in data (`TodoItem.module`). */
  name: string;
  labelZh: string;
  labelEn: string;
  groups?: readonly MenuGroup[];
  entries: readonly WebEntry[];
  /** The module's workflows (from its `shared/`): the matter page labels statuses and actions of the timeline. */
  workflows?: readonly Pick<WorkflowDefinition, 'module' | 'kind' | 'labels'>[];
  /**
   * Forms for actions the kernel cannot take alone (`requiresForm`), by `<kind>.<action>`, e.g. `dispute.assign`.
   * The matter page opens the form instead of its plain confirmation.
   */
  matterActionForms?: Readonly<Record<string, ComponentType<MatterActionFormProps>>>;
}

/**
 * A page component loaded on first visit, from a module with named exports:
 * `lazyPage(() => import('./pages/OrgsPage').then((m) => m.OrgsPage))`.
 */
export function lazyPage(load: () => Promise<ComponentType>): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: await load() }));
}
