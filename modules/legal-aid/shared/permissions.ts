import type { OrgRoleCode } from '@sifa/kernel/shared';

/** What 法律援助 lets a role do: read its cases (and figures), register them, act on them. */
export const LEGAL_AID_PERMISSIONS = ['legal-aid.case.read', 'legal-aid.case.write', 'legal-aid.case.act'] as const;

/** The org-level roles' grants; a role of the module's own goes in `defineModule({ roles })` (TODO if the line has one). */
export const LEGAL_AID_GRANTS: Partial<Record<OrgRoleCode, readonly string[]>> = {
  'county-staff': [...LEGAL_AID_PERMISSIONS],
  'office-staff': [...LEGAL_AID_PERMISSIONS],
  'city-staff': ['legal-aid.case.read'],
  'city-leader': ['legal-aid.case.read'],
};
