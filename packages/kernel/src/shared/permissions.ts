/**
 * Kernel permissions, `<module>.<object>.<action>`, each with the roles that hold it — one line per permission.
 * Modules add their own grants through defineModule(); a role's permissions are the union over all modules.
 * GB/T 22239-2019 level 3 separates system, security and audit administration (8.1.5 安全管理中心 三员分立, ADR 0005 and
 * 0020): the platform admin manages units and accounts but cannot read the audit log nor touch a second factor;
 * the security admin resets second factors and manages the auditors' accounts; the audit admin reads the log
 * and changes nothing.
 */
export const KERNEL_GRANTS = {
  'kernel.org.read': ['platform-admin', 'security-admin', 'audit-admin', 'city-leader', 'city-staff', 'county-staff', 'office-staff'],
  'kernel.org.manage': ['platform-admin'],
  'kernel.user.read': ['platform-admin', 'security-admin', 'city-leader', 'county-staff'],
  'kernel.user.manage': ['platform-admin', 'security-admin'],
  'kernel.user.security': ['security-admin'],
  'kernel.audit.read': ['audit-admin'],
  'kernel.todo.read': ['platform-admin', 'security-admin', 'audit-admin', 'city-leader', 'city-staff', 'county-staff', 'office-staff'],
  'kernel.matter.read': ['city-leader', 'city-staff', 'county-staff', 'office-staff'],
  'kernel.party.read': ['city-leader', 'city-staff', 'county-staff', 'office-staff'],
  'kernel.party.write': ['city-leader', 'city-staff', 'county-staff', 'office-staff'],
  'kernel.party.unmask': ['city-leader', 'county-staff'],
  // calling the parties of the matters one handles (ADR 0025): the staff who handle matters, not the city's supervisors
  'kernel.party.contact': ['county-staff', 'office-staff'],
  'kernel.attachment.write': ['city-staff', 'county-staff', 'office-staff'],
  'kernel.document.issue': ['city-staff', 'county-staff', 'office-staff'],
  'kernel.indicator.read': ['city-leader', 'city-staff', 'county-staff', 'office-staff'],
  'kernel.calendar.manage': ['platform-admin'],
} as const satisfies Record<`kernel.${string}.${string}`, readonly RoleCodeLiteral[]>;

type RoleCodeLiteral = 'platform-admin' | 'security-admin' | 'audit-admin' | 'city-leader' | 'city-staff' | 'county-staff' | 'office-staff';

export const KERNEL_PERMISSIONS = Object.keys(KERNEL_GRANTS) as (keyof typeof KERNEL_GRANTS)[];
export type KernelPermission = keyof typeof KERNEL_GRANTS;

/** A permission string of any module. */
export type Permission = `${string}.${string}.${string}`;

/** The org-level roles (one per kind of post in the bureau tree); modules add their own roles beside them. */
export const ROLE_CODES = ['platform-admin', 'security-admin', 'audit-admin', 'city-leader', 'city-staff', 'county-staff', 'office-staff'] as const;
export type OrgRoleCode = (typeof ROLE_CODES)[number];
/** A role a module declares (`defineModule({ roles })`), named `<module>.<role>`, e.g. `mediation.mediator`. */
export type ModuleRoleCode = `${string}.${string}`;
export type RoleCode = OrgRoleCode | ModuleRoleCode;

export const isOrgRole = (code: string): code is OrgRoleCode => (ROLE_CODES as readonly string[]).includes(code);
/** A module role's code: `<module>.<role>`, lower case with hyphens. */
export const MODULE_ROLE_CODE = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/;
export const isModuleRole = (code: string): code is ModuleRoleCode => MODULE_ROLE_CODE.test(code);

export interface RoleDefinition {
  code: OrgRoleCode;
  nameZh: string;
  nameEn: string;
  permissions: readonly Permission[];
}

/**
 * Which roles a role may assign, and whose holders it may manage (GB/T 22239-2019 三员分立): the platform admin
 * manages every role but the security and audit admins, so it can neither create an auditor nor take over one's
 * account to read the log, nor make itself a security admin. Security and audit admins are created at
 * installation (seed) or by a security administrator. Module roles are managed by the roles of
 * MODULE_ROLE_MANAGERS (`mayManageRole`).
 */
export const MANAGEABLE_ROLES: Record<OrgRoleCode, readonly OrgRoleCode[]> = {
  'platform-admin': ['platform-admin', 'city-leader', 'city-staff', 'county-staff', 'office-staff'],
  'security-admin': ['security-admin', 'audit-admin'],
  'audit-admin': [],
  'city-leader': [],
  'city-staff': [],
  'county-staff': [],
  'office-staff': [],
};

/** Who may assign the modules' roles (and manage their holders): the platform admin only. */
export const MODULE_ROLE_MANAGERS: readonly OrgRoleCode[] = ['platform-admin'];

/** Whether holders of `managerRoles` may assign `role` and manage its holders. */
export function mayManageRole(managerRoles: readonly RoleCode[], role: RoleCode): boolean {
  if (isOrgRole(role)) return managerRoles.some((r) => isOrgRole(r) && MANAGEABLE_ROLES[r].includes(role));
  return managerRoles.some((r) => isOrgRole(r) && MODULE_ROLE_MANAGERS.includes(r));
}

/**
 * Roles one account never holds together (separation of duties, GB/T 22239-2019 8.1.4.2 访问控制 管理用户权限分离, 8.1.5 安全管理中心 三员分立):
 * each administrator role stands alone — no second administrator role and no business role (so the admin
 * cannot also be the city leader who signs off what it configured). Module roles are business roles.
 */
export const EXCLUSIVE_ROLES: readonly OrgRoleCode[] = ['platform-admin', 'security-admin', 'audit-admin'];

/** The first pair of roles in `roles` that one account may not hold together, if any. */
export function conflictingRoles(roles: readonly RoleCode[]): [RoleCode, RoleCode] | undefined {
  const unique = [...new Set(roles)];
  const exclusive = unique.find((r) => (EXCLUSIVE_ROLES as readonly string[]).includes(r));
  const other = exclusive && unique.find((r) => r !== exclusive);
  return exclusive && other ? [exclusive, other] : undefined;
}

/** The kernel's grants by role, derived from KERNEL_GRANTS. */
export const KERNEL_ROLE_GRANTS: Record<OrgRoleCode, readonly KernelPermission[]> = {
  'platform-admin': holders('platform-admin'),
  'security-admin': holders('security-admin'),
  'audit-admin': holders('audit-admin'),
  'city-leader': holders('city-leader'),
  'city-staff': holders('city-staff'),
  'county-staff': holders('county-staff'),
  'office-staff': holders('office-staff'),
};

function holders(role: OrgRoleCode): KernelPermission[] {
  return KERNEL_PERMISSIONS.filter((p) => (KERNEL_GRANTS[p] as readonly OrgRoleCode[]).includes(role));
}

export const ROLE_NAMES: Record<OrgRoleCode, { zh: string; en: string }> = {
  'platform-admin': { zh: '系统管理员', en: 'Platform administrator' },
  'security-admin': { zh: '安全管理员', en: 'Security administrator' },
  'audit-admin': { zh: '安全审计员', en: 'Audit administrator' },
  'city-leader': { zh: '市局领导', en: 'City bureau leader' },
  'city-staff': { zh: '市局工作人员', en: 'City bureau staff' },
  'county-staff': { zh: '县(区)局工作人员', en: 'County bureau staff' },
  'office-staff': { zh: '司法所工作人员', en: 'Judicial office staff' },
};

/** A role's name: an org-level role's from ROLE_NAMES, a module role's from `known` (the role list), else its code. */
export function roleNameOf(code: string, known: readonly { code: string; nameZh: string; nameEn: string }[] = []): { zh: string; en: string } {
  if (isOrgRole(code)) return ROLE_NAMES[code];
  const r = known.find((k) => k.code === code);
  return r ? { zh: r.nameZh, en: r.nameEn } : { zh: code, en: code };
}
