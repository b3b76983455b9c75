import type { RoleCode } from '@sifa/kernel/shared';

export const MEDIATION_PERMISSIONS = [
  'mediation.dispute.read',
  'mediation.dispute.write',
  'mediation.dispute.act',
  'mediation.indicator.read',
  'mediation.registry.read',
  'mediation.registry.write',
  'mediation.category.manage',
] as const;
export type MediationPermission = (typeof MEDIATION_PERMISSIONS)[number];

/**
 * Who does what: judicial offices and county bureaus register and handle disputes and keep the register of
 * committees and mediators of their scope (人民调解法 第十条: the county bureau keeps count of committees and their
 * members); the city reads and supervises; the platform and audit administrators see no case files. The list of
 * dispute categories is one for the whole city: the platform administrator and the city bureau keep it
 * (`mediation.category.manage`), counties and offices use it.
 */
export const MEDIATION_GRANTS: Partial<Record<RoleCode, readonly MediationPermission[]>> = {
  'office-staff': [
    'mediation.dispute.read',
    'mediation.dispute.write',
    'mediation.dispute.act',
    'mediation.indicator.read',
    'mediation.registry.read',
    'mediation.registry.write',
  ],
  'county-staff': [
    'mediation.dispute.read',
    'mediation.dispute.write',
    'mediation.dispute.act',
    'mediation.indicator.read',
    'mediation.registry.read',
    'mediation.registry.write',
  ],
  'city-staff': ['mediation.dispute.read', 'mediation.indicator.read', 'mediation.registry.read', 'mediation.category.manage'],
  'city-leader': ['mediation.dispute.read', 'mediation.indicator.read', 'mediation.registry.read'],
  'platform-admin': ['mediation.category.manage'],
};
