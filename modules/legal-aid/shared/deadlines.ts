import { CPL_ROLL, CPL_START, defineDeadline, lawCite, type DeadlineRule } from '@sifa/kernel/shared';

// 法律援助's statute periods, declared by the module (`defineModule({ deadlines })`); the kernel computes them.
// TODO(legal-aid): replace the placeholder below with the statute that sets the period — its file in ../shared/laws/
// and its article — check the length against that text, then mark the rule verified: 'V' (domain/rules.md).
const TODO_STATUTE = lawCite('TODO：法律名称', 'TODO-statute-file.md');

/** 法律援助's deadline rules by id (`legal-aid.*`). */
export const LEGAL_AID_DEADLINES = {
  // TODO(legal-aid): 自登记之日起 N 日内办结 — the article, quoted, and the file it is in. It runs from registration
  // (server/service.ts) until the case is declined or closed (server/actions.ts).
  'legal-aid.handling': defineDeadline({
    id: 'legal-aid.handling',
    module: 'legal-aid',
    nameZh: '法律援助办理期限',
    nameEn: 'Legal aid: handling period',
    cite: TODO_STATUTE('TODO：第某条'),
    basis: [CPL_START, CPL_ROLL],
    startsOn: 'case.registered',
    startsOnZh: '登记',
    length: { amount: 30, unit: 'day' },
    rollOverHoliday: true,
    warnBefore: { amount: 5, unit: 'day' },
    // M = unverified: the length is a configurable default until it is checked against the statute
    verified: 'M',
    configurable: ['length'],
    note: 'TODO：模板生成的占位期限，须按法条核定后再使用。',
  }),
} as const satisfies Record<string, DeadlineRule>;

export type LegalAidDeadlineId = keyof typeof LEGAL_AID_DEADLINES;
