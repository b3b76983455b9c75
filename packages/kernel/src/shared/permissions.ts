/**
 * Kernel permissions, `<module>.<object>.<action>`, each with the roles that hold it — one line per permission.
 * Modules add their own grants through defineModule(); a role's permissions are the union over all modules.
 * GB/T 22239-2019 level 3 separates system administration from audit administration: the platform admin
 * manages units and accounts but cannot read the audit log; the audit admin reads it and changes nothing.
 */
export const KERNEL_GRANTS = {
  'kernel.org.read': ['platform-admin', 'audit-admin', 'city-leader', 'city-staff', 'county-staff', 'office-staff'],
  'kernel.org.manage': ['platform-admin'],
  'kernel.user.read': ['platform-admin', 'city-leader', 'county-staff'],
  'kernel.user.manage': ['platform-admin'],
  'kernel.audit.read': ['audit-admin'],
  'kernel.todo.read': ['platform-admin', 'audit-admin', 'city-leader', 'city-staff', 'county-staff', 'office-staff'],
  'kernel.matter.read': ['city-leader', 'city-staff', 'county-staff', 'office-staff'],
  'kernel.party.read': ['city-leader', 'city-staff', 'county-staff', 'office-staff'],
  'kernel.party.write': ['city-leader', 'city-staff', 'county-staff', 'office-staff'],
  'kernel.party.unmask': ['city-leader', 'county-staff'],
  'kernel.attachment.write': ['city-staff', 'county-staff', 'office-staff'],
  'kernel.document.issue': ['city-staff', 'county-staff', 'office-staff'],
  'kernel.indicator.read': ['city-leader', 'city-staff', 'county-staff', 'office-staff'],
  'kernel.calendar.manage': ['platform-admin'],
} as const satisfies Record<`kernel.${string}.${string}`, readonly RoleCodeLiteral[]>;

type RoleCodeLiteral = 'platform-admin' | 'audit-admin' | 'city-leader' | 'city-staff' | 'county-staff' | 'office-staff';

export const KERNEL_PERMISSIONS = Object.keys(KERNEL_GRANTS) as (keyof typeof KERNEL_GRANTS)[];
export type KernelPermission = keyof typeof KERNEL_GRANTS;

/** A permission string of any module. */
export type Permission = `${string}.${string}.${string}`;

export const ROLE_CODES = ['platform-admin', 'audit-admin', 'city-leader', 'city-staff', 'county-staff', 'office-staff'] as const;
export type RoleCode = (typeof ROLE_CODES)[number];

export interface RoleDefinition {
  code: RoleCode;
  nameZh: string;
  nameEn: string;
  permissions: readonly Permission[];
}

/**
 * Which roles a role may assign, and whose holders it may manage (GB/T 22239-2019 三员分立): the platform admin
 * manages every role but the audit admin, so it can neither create an auditor nor take over one's account to
 * read the log. Audit admins are created at installation (seed) or by a security administrator.
 */
export const MANAGEABLE_ROLES: Record<RoleCode, readonly RoleCode[]> = {
  'platform-admin': ['platform-admin', 'city-leader', 'city-staff', 'county-staff', 'office-staff'],
  'audit-admin': [],
  'city-leader': [],
  'city-staff': [],
  'county-staff': [],
  'office-staff': [],
};

/** The kernel's grants by role, derived from KERNEL_GRANTS. */
export const KERNEL_ROLE_GRANTS: Record<RoleCode, readonly KernelPermission[]> = {
  'platform-admin': holders('platform-admin'),
  'audit-admin': holders('audit-admin'),
  'city-leader': holders('city-leader'),
  'city-staff': holders('city-staff'),
  'county-staff': holders('county-staff'),
  'office-staff': holders('office-staff'),
};

function holders(role: RoleCode): KernelPermission[] {
  return KERNEL_PERMISSIONS.filter((p) => (KERNEL_GRANTS[p] as readonly RoleCode[]).includes(role));
}

export const ROLE_NAMES: Record<RoleCode, { zh: string; en: string }> = {
  'platform-admin': { zh: '系统管理员', en: 'Platform administrator' },
  'audit-admin': { zh: '安全审计员', en: 'Audit administrator' },
  'city-leader': { zh: '市局领导', en: 'City bureau leader' },
  'city-staff': { zh: '市局工作人员', en: 'City bureau staff' },
  'county-staff': { zh: '县(区)局工作人员', en: 'County bureau staff' },
  'office-staff': { zh: '司法所工作人员', en: 'Judicial office staff' },
};
