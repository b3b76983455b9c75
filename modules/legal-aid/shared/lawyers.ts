import { z } from 'zod';
import { illFormedCharacter, pageOf } from '@sifa/kernel/shared';

// The pool of legal-aid staff the centre assigns from (法律援助法 第十二条～第十六条; issue #15 item 4).

export const LAWYER_KINDS = {
  'aid-lawyer': { zh: '法律援助机构律师', en: 'Aid-centre lawyer', lawyer: true },
  'firm-lawyer': { zh: '律师事务所律师', en: 'Law-firm lawyer', lawyer: true },
  grassroots: { zh: '基层法律服务工作者', en: 'Grassroots legal worker', lawyer: false },
} as const;
export type LawyerKind = keyof typeof LAWYER_KINDS;
const Kind = z.enum(Object.keys(LAWYER_KINDS) as [LawyerKind, ...LawyerKind[]], '请选择人员类别');

const safeText = (label: string, min: number, max: number) =>
  z
    .string(`请填写${label}`)
    .trim()
    .min(min, `${label}至少 ${min} 个字`)
    .max(max, `${label}不超过 ${max} 个字`)
    .refine((s) => !illFormedCharacter(s), `${label}含有无法保存的字符`);

export const CreateLawyerInput = z.object({
  orgId: z.uuid('请选择所属单位'),
  name: safeText('姓名', 2, 30),
  kind: Kind,
  firm: safeText('执业机构', 2, 60),
  practiceYears: z.number('执业年限应为数字').int('执业年限应为整数').min(0, '执业年限不能为负数').max(70, '执业年限过大'),
  specialties: z
    .array(safeText('专长', 1, 20))
    .max(10, '专长最多 10 项')
    .default([]),
  phone: z.string('请填写联系电话').regex(/^1\d{10}$/, '联系电话应为 11 位手机号'),
});
export type CreateLawyerInput = z.input<typeof CreateLawyerInput>;

export const Lawyer = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  name: z.string(),
  kind: Kind,
  firm: z.string(),
  practiceYears: z.number().int(),
  specialties: z.array(z.string()),
  phone: z.string(),
  active: z.boolean(),
  openCases: z.number().int(),
  lastAssignedAt: z.string().nullable(),
});
export type Lawyer = z.infer<typeof Lawyer>;
export const LawyerPage = pageOf(Lawyer);

export const LawyerSuggestion = z.object({ lawyer: Lawyer.nullable(), reasonZh: z.string(), excluded: z.number().int() });
export type LawyerSuggestion = z.infer<typeof LawyerSuggestion>;

/** What the assignment asks of a case: 第二十六条 (death or life sentence possible) and the matter's specialty. */
export interface AssignmentNeed {
  capitalCase: boolean;
  specialty?: string | undefined;
}

/**
 * Why a person may not take the case, or undefined: 法律援助法 第二十六条 — 可能被判处无期徒刑、死刑的人以及死刑复核案件的
 * 被告人，应当指派具有三年以上相关执业经历的律师 (a lawyer, not a grassroots legal worker).
 */
export function assignmentRefusal(l: Pick<Lawyer, 'name' | 'kind' | 'practiceYears' | 'active'>, need: AssignmentNeed): string | undefined {
  if (!l.active) return `${l.name}已停止承办法律援助案件`;
  if (need.capitalCase && !LAWYER_KINDS[l.kind].lawyer)
    return `本案可能判处无期徒刑、死刑，应当指派律师（法律援助法第二十六条），${l.name}为基层法律服务工作者`;
  if (need.capitalCase && l.practiceYears < 3)
    return `本案可能判处无期徒刑、死刑，应当指派具有三年以上相关执业经历的律师（法律援助法第二十六条），${l.name}执业 ${l.practiceYears} 年`;
  return undefined;
}

/**
 * Fair rotation: among those who may take the case, the one with the fewest open cases, then the one waiting longest
 * since the last assignment (never assigned first), then by name; a matching specialty comes before load. Returns the
 * suggestion with the reason staff see.
 */
export function suggestLawyer(pool: readonly Lawyer[], need: AssignmentNeed): LawyerSuggestion {
  const fit = pool.filter((l) => !assignmentRefusal(l, need));
  const excluded = pool.length - fit.length;
  const matches = (l: Lawyer) => (need.specialty !== undefined && l.specialties.includes(need.specialty) ? 0 : 1);
  const sorted = [...fit].sort(
    (a, b) =>
      matches(a) - matches(b) ||
      a.openCases - b.openCases ||
      (a.lastAssignedAt ?? '').localeCompare(b.lastAssignedAt ?? '') ||
      a.name.localeCompare(b.name, 'zh-CN') ||
      a.id.localeCompare(b.id),
  );
  const next = sorted[0];
  if (!next) {
    const why = need.capitalCase ? '没有执业三年以上的律师可以承办（法律援助法第二十六条）' : '没有可承办的人员';
    return { lawyer: null, reasonZh: `人员库中${why}，请先补充人员库`, excluded };
  }
  const parts = [
    matches(next) === 0 ? `专长“${need.specialty ?? ''}”相符` : undefined,
    `当前在办 ${next.openCases} 件`,
    next.lastAssignedAt ? `最近一次指派于 ${next.lastAssignedAt.slice(0, 10)}` : '尚未被指派过',
    need.capitalCase ? `执业 ${next.practiceYears} 年，符合第二十六条` : undefined,
  ].filter(Boolean);
  const rule = '轮流指派：专长相符优先，其次在办案件最少、最久未被指派者优先';
  return {
    lawyer: next,
    reasonZh: `建议指派${next.name}（${next.firm}）：${parts.join('，')}。${rule}${excluded ? `；${excluded} 人不符合条件未列入` : ''}。`,
    excluded,
  };
}
