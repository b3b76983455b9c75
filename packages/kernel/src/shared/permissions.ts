/** Kernel permissions, `<module>.<object>.<action>`. */
export const KERNEL_PERMISSIONS = [
  'kernel.org.read',
  'kernel.org.manage',
  'kernel.user.read',
  'kernel.user.manage',
  'kernel.audit.read',
  'kernel.todo.read',
  'kernel.matter.read',
] as const;
export type KernelPermission = (typeof KERNEL_PERMISSIONS)[number];

/** A permission string of any module. */
export type Permission = `${string}.${string}.${string}`;

export const ROLE_CODES = [
  'platform-admin',
  'audit-admin',
  'city-leader',
  'city-staff',
  'county-staff',
  'office-staff',
] as const;
export type RoleCode = (typeof ROLE_CODES)[number];

export interface RoleDefinition {
  code: RoleCode;
  nameZh: string;
  nameEn: string;
  permissions: readonly Permission[];
}

/**
 * Kernel grants per role. Modules add their own grants through defineModule(); the effective role is the union.
 * GB/T 22239-2019 level 3 separates system administration from audit administration: the platform admin
 * manages units and accounts but cannot read the audit log; the audit admin reads it and changes nothing.
 */
export const KERNEL_ROLE_GRANTS: Record<RoleCode, readonly KernelPermission[]> = {
  'platform-admin': ['kernel.org.read', 'kernel.org.manage', 'kernel.user.read', 'kernel.user.manage', 'kernel.todo.read'],
  'audit-admin': ['kernel.org.read', 'kernel.audit.read', 'kernel.todo.read'],
  'city-leader': ['kernel.org.read', 'kernel.user.read', 'kernel.todo.read', 'kernel.matter.read'],
  'city-staff': ['kernel.org.read', 'kernel.todo.read', 'kernel.matter.read'],
  'county-staff': ['kernel.org.read', 'kernel.user.read', 'kernel.todo.read', 'kernel.matter.read'],
  'office-staff': ['kernel.org.read', 'kernel.todo.read', 'kernel.matter.read'],
};

export const ROLE_NAMES: Record<RoleCode, { zh: string; en: string }> = {
  'platform-admin': { zh: '系统管理员', en: 'Platform administrator' },
  'audit-admin': { zh: '安全审计员', en: 'Audit administrator' },
  'city-leader': { zh: '市局领导', en: 'City bureau leader' },
  'city-staff': { zh: '市局工作人员', en: 'City bureau staff' },
  'county-staff': { zh: '县(区)局工作人员', en: 'County bureau staff' },
  'office-staff': { zh: '司法所工作人员', en: 'Judicial office staff' },
};
