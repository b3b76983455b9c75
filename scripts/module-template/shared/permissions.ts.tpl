import type { OrgRoleCode } from '@sifa/kernel/shared';

/** What __zh__ lets a role do: read its cases (and figures), register them, act on them. */
export const __CONST___PERMISSIONS = ['__name__.case.read', '__name__.case.write', '__name__.case.act'] as const;

/** The org-level roles' grants; a role of the module's own goes in `defineModule({ roles })` (TODO if the line has one). */
export const __CONST___GRANTS: Partial<Record<OrgRoleCode, readonly string[]>> = {
  'county-staff': [...__CONST___PERMISSIONS],
  'office-staff': [...__CONST___PERMISSIONS],
  'city-staff': ['__name__.case.read'],
  'city-leader': ['__name__.case.read'],
};
