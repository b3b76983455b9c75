import { sql, type RawBuilder } from 'kysely';

/** A caller's data scope: its unit's subtree, identified by the unit's materialised path. */
export interface Scope {
  orgId: string;
  path: string;
}

/**
 * `column in (units of the caller's subtree)`. Every repository query over scoped data takes one of these;
 * there is no unscoped variant. `column` is the camelCase reference (CamelCasePlugin maps it).
 */
export function inScope(scope: Scope, column = 'orgId'): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} in (select scope_org.id from kernel.orgs scope_org where scope_org.path like ${`${scope.path}%`})`;
}

/** True when `path` lies inside the scope's subtree. */
export const pathInScope = (scope: Scope, path: string) => path.startsWith(scope.path);
