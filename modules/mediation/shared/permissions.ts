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

/**
 * The module's own role, held beside an org-level role or alone: a mediator of a committee (人民调解法 第十三条、
 * 第十四条) handles the disputes of the committee's unit — reads them and their parties, records sessions and
 * agreements, issues the agreement — but does not register disputes or keep the register. The platform
 * administrator assigns it (MODULE_ROLE_MANAGERS).
 */
export const MEDIATION_ROLES = [
  {
    code: 'mediation.mediator',
    nameZh: '人民调解员',
    nameEn: 'People’s mediator',
    permissions: [
      'mediation.dispute.read',
      'mediation.dispute.act',
      'mediation.registry.read',
      'kernel.todo.read',
      'kernel.matter.read',
      'kernel.party.read',
      'kernel.party.contact',
      'kernel.attachment.write',
      'kernel.document.issue',
    ],
  },
] as const satisfies readonly {
  code: `mediation.${string}`;
  nameZh: string;
  nameEn: string;
  permissions: readonly (MediationPermission | `kernel.${string}`)[];
}[];
