import { describe, expect, test } from 'vitest';
import { MANAGEABLE_ROLES, mayManageRole, ROLE_CODES, roleNameOf } from './permissions';

// GB/T 22239-2019 三员分立: the modules' roles add no way around the separation of duties.
describe('who may assign a role', () => {
  test('the org-level table is unchanged: the platform admin manages every org-level role but the auditor; nobody else any', () => {
    for (const manager of ROLE_CODES) {
      for (const role of ROLE_CODES) expect(mayManageRole([manager], role), `${manager} → ${role}`).toBe(MANAGEABLE_ROLES[manager].includes(role));
    }
    expect(mayManageRole(['platform-admin'], 'audit-admin')).toBe(false);
  });

  test('a module role is assigned by the platform admin only, and holding one grants no management', () => {
    expect(mayManageRole(['platform-admin'], 'mediation.mediator')).toBe(true);
    for (const manager of ROLE_CODES.filter((r) => r !== 'platform-admin')) expect(mayManageRole([manager], 'mediation.mediator'), manager).toBe(false);
    expect(mayManageRole(['mediation.mediator'], 'mediation.mediator')).toBe(false);
    expect(mayManageRole(['mediation.mediator'], 'office-staff')).toBe(false);
  });

  test("a role's name: the org-level table, else the role list, else its code", () => {
    expect(roleNameOf('county-staff').zh).toBe('县(区)局工作人员');
    expect(roleNameOf('mediation.mediator', [{ code: 'mediation.mediator', nameZh: '人民调解员', nameEn: 'Mediator' }])).toEqual({
      zh: '人民调解员',
      en: 'Mediator',
    });
    expect(roleNameOf('legal-aid.lawyer')).toEqual({ zh: 'legal-aid.lawyer', en: 'legal-aid.lawyer' });
  });
});
