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

/**
 * A page a module adds to the public portal (`/portal/...`), inside the portal's frame (phone first, no staff menu).
 * apps/web routes every module's portal pages; its own are only the generic ones (home, sign-in, tracking, document
 * verification, 我的).
 */
export interface PortalPage {
  /** Path under `/portal`, without a leading slash: `mediation/apply` is `/portal/mediation/apply`. */
  path: string;
  /** The page, loaded on first visit (`lazyPage`). */
  element: LazyExoticComponent<ComponentType>;
  /**
   * Only for a signed-in citizen: others are sent to the SMS sign-in and come back after it (`RequireCitizen`); the
   * page reads the session with `useCitizen()`.
   */
  citizen?: boolean;
}

/** An entry of the portal home's service list (申请人民调解 …): a large card leading to one of the module's pages. */
export interface PortalService {
  /** Unique across modules; the card's test id is `entry-<key>`, e.g. `entry-mediation-apply`. */
  key: string;
  titleZh: string;
  titleEn: string;
  /** One line under the title, saying what the service is for. */
  descriptionZh: string;
  descriptionEn: string;
  /** Absolute path of the page it opens, e.g. `/portal/mediation/apply` (usually one of the module's PortalPages). */
  path: string;
  icon?: ComponentType;
  /** Lower shows higher; the portal's own entries (tracking, verification, 我的) come after the services. */
  order: number;
}

/** What a module's track panel receives: the tracked matter, already known to be of this module. */
export interface PortalTrackPanelProps {
  /** The matter's number (what the citizen typed, as the server knows it). */
  number: string;
  /** The matter kind within the module (`dispute`), when the server says. */
  kind?: string;
  closed: boolean;
}

/** What a module's `web/index.ts` exports; the console's registry (apps/web/src/registry.ts) lists them. */
export interface WebModule {
  /** The module name used in data (`TodoItem.module`). */
  name: string;
  labelZh: string;
  labelEn: string;
  groups?: readonly MenuGroup[];
  entries: readonly WebEntry[];
  /**
   * The module's workflows (from its `shared/`): the matter page labels statuses and actions of the timeline, and the
   * parties' roles (`partyRoles`).
   */
  workflows?: readonly Pick<WorkflowDefinition, 'module' | 'kind' | 'labels' | 'partyRoles'>[];
  /**
   * Forms for actions the kernel cannot take alone (`requiresForm`), by `<kind>.<action>`, e.g. `dispute.assign`.
   * The matter page opens the form instead of its plain confirmation.
   */
  matterActionForms?: Readonly<Record<string, ComponentType<MatterActionFormProps>>>;
  /** The module's pages on the public portal (its application forms …), routed under `/portal`. */
  portalPages?: readonly PortalPage[];
  /** The module's entries in the portal home's service list. */
  portalServices?: readonly PortalService[];
  /**
   * Shown under the portal's tracking result of one of this module's matters (the server names the module), e.g.
   * mediation's "rate the mediator" once a dispute is closed. Its status and steps are labelled by the server from
   * the module's workflow, so a module needs nothing else for tracking.
   */
  portalTrackPanel?: ComponentType<PortalTrackPanelProps>;
}

/**
 * A page component loaded on first visit, from a module with named exports:
 * `lazyPage(() => import('./pages/OrgsPage').then((m) => m.OrgsPage))`.
 */
export function lazyPage(load: () => Promise<ComponentType>): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: await load() }));
}
