import type { OrgRoleCode } from '@sifa/kernel/shared';

/**
 * What 行政复议 lets a role do: read its cases and figures, register (and import) them, act on them, keep the register of
 * respondent agencies. `reconsideration.case.deem` (视为受理, 第三十条第三款) belongs to the job's system account only.
 */
export const RECONSIDERATION_PERMISSIONS = [
  'reconsideration.case.read',
  'reconsideration.case.write',
  'reconsideration.case.act',
  'reconsideration.case.deem',
  'reconsideration.agency.write',
] as const;

const HANDLE = ['reconsideration.case.read', 'reconsideration.case.write', 'reconsideration.case.act', 'reconsideration.agency.write'];

/**
 * The org-level roles' grants. The county and city bureaus are the 行政复议机构 of their governments (第四条) and handle
 * the cases; a judicial office does not (no grant); the city leader reads the whole city's cases and figures.
 */
export const RECONSIDERATION_GRANTS: Partial<Record<OrgRoleCode, readonly string[]>> = {
  'county-staff': HANDLE,
  'city-staff': HANDLE,
  'city-leader': ['reconsideration.case.read'],
};
