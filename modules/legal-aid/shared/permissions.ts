import type { OrgRoleCode } from '@sifa/kernel/shared';

/** What 法律援助 lets a role do. */
export const LEGAL_AID_PERMISSIONS = [
  'legal-aid.case.read',
  'legal-aid.case.write',
  'legal-aid.case.act',
  /** 司法部令第148号: the assigned lawyer records meetings, file reading, progress and court dates. */
  'legal-aid.case.handle',
  /** 法律援助法 第四十九条: the justice bureau that set up the centre decides an objection. */
  'legal-aid.objection.decide',
  'legal-aid.lawyer.read',
  'legal-aid.lawyer.write',
  'legal-aid.indicator.read',
] as const;
export type LegalAidPermission = (typeof LEGAL_AID_PERMISSIONS)[number];

/**
 * The org-level roles' grants: the county bureau and its legal-aid centre take applications, decide and assign, and
 * keep the lawyer pool; a judicial office takes applications at its service point (全市通办) but does not decide;
 * the city reads and supervises. The county bureau decides objections to its centre (第四十九条).
 */
export const LEGAL_AID_GRANTS: Partial<Record<OrgRoleCode, readonly LegalAidPermission[]>> = {
  'county-staff': [
    'legal-aid.case.read',
    'legal-aid.case.write',
    'legal-aid.case.act',
    'legal-aid.case.handle',
    'legal-aid.objection.decide',
    'legal-aid.lawyer.read',
    'legal-aid.lawyer.write',
    'legal-aid.indicator.read',
  ],
  'office-staff': ['legal-aid.case.read', 'legal-aid.case.write', 'legal-aid.indicator.read'],
  'city-staff': ['legal-aid.case.read', 'legal-aid.lawyer.read', 'legal-aid.indicator.read', 'legal-aid.objection.decide'],
  'city-leader': ['legal-aid.case.read', 'legal-aid.lawyer.read', 'legal-aid.indicator.read'],
};

/** The module's own role: an aid lawyer reads the cases of the unit and records their handling. */
export const LEGAL_AID_ROLES = [
  {
    code: 'legal-aid.lawyer',
    nameZh: '法律援助人员',
    nameEn: 'Legal-aid lawyer',
    permissions: ['legal-aid.case.read', 'legal-aid.case.handle', 'kernel.matter.read', 'kernel.todo.read'],
  },
] as const;
