import { CPL, CPL_ROLL, CPL_START, defineDeadline, lawCite, type DeadlineRule } from '@sifa/kernel/shared';

// People's mediation's statute periods, declared by the module (`defineModule({ deadlines })`); the kernel computes
// them. Every rule was checked against the statute text in /shared/laws (file + article cited).

const PML = lawCite('人民调解法', 'people-mediation-law-2010.md');
const SPCM = lawCite('最高人民法院关于人民法院特邀调解的规定', 'spc-court-invited-mediation-provisions-2016.md');

const SPC_PARTIES_EXTEND = {
  maxTimes: null,
  amount: null,
  unit: 'day',
  approval: '双方当事人同意延长调解期限',
  // 特邀调解规定 第二十七条: 双方当事人同意延长调解期限的，不受此限。
} as const;

/** Mediation's deadline rules by id (`mediation.*`). */
export const MEDIATION_DEADLINES = {
  // 人民调解法 第三十三条、民事诉讼法 第二百零五条: 调解协议生效之日起三十日内共同申请司法确认 (people-mediation-law-2010.md)
  'mediation.judicial-confirmation': defineDeadline({
    id: 'mediation.judicial-confirmation',
    module: 'mediation',
    nameZh: '申请司法确认期限',
    nameEn: 'Mediation: application for judicial confirmation',
    cite: PML('第三十三条'),
    basis: [CPL('第二百零五条'), CPL_START, CPL_ROLL],
    startsOn: 'agreement.effective',
    startsOnZh: '调解协议生效',
    length: { amount: 30, unit: 'day' },
    rollOverHoliday: true,
    warnBefore: { amount: 5, unit: 'day' },
    verified: 'V',
    note: '由双方当事人共同向人民法院申请；本期限用于提醒调解组织及时告知当事人。',
  }),
  // 特邀调解规定 第二十七条第一款、第三款: 委派调解期限 30 日，自签字接收法院移交材料之日起计算 (spc-court-invited-mediation-provisions-2016.md)
  'mediation.court-delegated': defineDeadline({
    id: 'mediation.court-delegated',
    module: 'mediation',
    nameZh: '委派调解期限（立案前）',
    nameEn: 'Mediation: court-delegated (before filing)',
    cite: SPCM('第二十七条第一款'),
    basis: [SPCM('第二十七条第三款'), SPCM('第十一条'), CPL_START, CPL_ROLL],
    startsOn: 'materials.signed-for',
    startsOnZh: '特邀调解组织或者特邀调解员签字接收法院移交材料',
    length: { amount: 30, unit: 'day' },
    rollOverHoliday: true,
    extension: { ...SPC_PARTIES_EXTEND, cite: SPCM('第二十七条第一款') },
    warnBefore: { amount: 5, unit: 'day' },
    verified: 'V',
  }),
  // 特邀调解规定 第二十七条第二款: 委托调解普通程序 15 日 (spc-court-invited-mediation-provisions-2016.md)
  'mediation.court-entrusted.ordinary': defineDeadline({
    id: 'mediation.court-entrusted.ordinary',
    module: 'mediation',
    nameZh: '委托调解期限（普通程序）',
    nameEn: 'Mediation: court-entrusted, ordinary procedure',
    cite: SPCM('第二十七条第二款'),
    basis: [SPCM('第二十七条第三款'), SPCM('第十一条'), CPL_START, CPL_ROLL],
    startsOn: 'materials.signed-for',
    startsOnZh: '特邀调解组织或者特邀调解员签字接收法院移交材料',
    length: { amount: 15, unit: 'day' },
    rollOverHoliday: true,
    extension: { ...SPC_PARTIES_EXTEND, cite: SPCM('第二十七条第二款') },
    warnBefore: { amount: 3, unit: 'day' },
    verified: 'V',
    note: '延长的调解期限不计入审理期限（第二十七条第二款）。',
  }),
  // 特邀调解规定 第二十七条第二款: 委托调解简易程序 7 日 (spc-court-invited-mediation-provisions-2016.md)
  'mediation.court-entrusted.simplified': defineDeadline({
    id: 'mediation.court-entrusted.simplified',
    module: 'mediation',
    nameZh: '委托调解期限（简易程序）',
    nameEn: 'Mediation: court-entrusted, simplified procedure',
    cite: SPCM('第二十七条第二款'),
    basis: [SPCM('第二十七条第三款'), SPCM('第十一条'), CPL_START, CPL_ROLL],
    startsOn: 'materials.signed-for',
    startsOnZh: '特邀调解组织或者特邀调解员签字接收法院移交材料',
    length: { amount: 7, unit: 'day' },
    rollOverHoliday: true,
    extension: { ...SPC_PARTIES_EXTEND, cite: SPCM('第二十七条第二款') },
    warnBefore: { amount: 2, unit: 'day' },
    verified: 'V',
    note: '延长的调解期限不计入审理期限（第二十七条第二款）。',
  }),
  // The portal's promise “提交后司法所将在 3 个工作日内联系您” (web/portal/portal-messages.ts): no statute sets it — 人民调解法
  // 第十七条 only lets a party apply (people-mediation-law-2010.md) — so it is an operational default [M], like the
  // hotlines' contact limits of domain/operations.md §1 (Shanghai Putuo: 1 working day), and its length is configurable.
  'mediation.portal-contact': defineDeadline({
    id: 'mediation.portal-contact',
    module: 'mediation',
    nameZh: '网上申请联系期限',
    nameEn: 'Mediation: contacting an online applicant',
    cite: PML('第十七条'),
    startsOn: 'application.received',
    startsOnZh: '群众在网上提交调解申请',
    length: { amount: 3, unit: 'workday' },
    rollOverHoliday: false,
    warnBefore: { amount: 1, unit: 'workday' },
    verified: 'M',
    configurable: ['length'],
    note: '本平台对群众的服务承诺（门户“3 个工作日内联系您”），非法定期限；按工作日计算，可在期限规则配置中调整。受理或记录联系后即办结。',
  }),
} as const satisfies Record<string, DeadlineRule>;

export type MediationDeadlineId = keyof typeof MEDIATION_DEADLINES;
