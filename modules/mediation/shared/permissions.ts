import type { RoleCode } from '@sifa/kernel/shared';

export const MEDIATION_PERMISSIONS = [
  'mediation.dispute.read',
  'mediation.dispute.write',
  'mediation.dispute.act',
  'mediation.indicator.read',
] as const;
export type MediationPermission = (typeof MEDIATION_PERMISSIONS)[number];

/**
 * Who does what: judicial offices and county bureaus register and handle disputes; the city reads and
 * supervises; the platform and audit administrators see no case files.
 */
export const MEDIATION_GRANTS: Partial<Record<RoleCode, readonly MediationPermission[]>> = {
  'office-staff': ['mediation.dispute.read', 'mediation.dispute.write', 'mediation.dispute.act', 'mediation.indicator.read'],
  'county-staff': ['mediation.dispute.read', 'mediation.dispute.write', 'mediation.dispute.act', 'mediation.indicator.read'],
  'city-staff': ['mediation.dispute.read', 'mediation.indicator.read'],
  'city-leader': ['mediation.dispute.read', 'mediation.indicator.read'],
};
