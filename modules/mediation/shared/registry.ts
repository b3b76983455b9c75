/**
 * 人民调解组织与调解员名册 (issue #4 item 1): committee types, mediator positions, and the composition check of
 * 人民调解法 第八条、第九条、第十三条 (people-mediation-law-2010.md). Pure and browser-safe: the server attaches
 * the warnings to every committee it lists, the console shows the same ones.
 */

export const LAW_FILE = 'people-mediation-law-2010.md';

/**
 * Kinds of committee: 第八条 (村民委员会、居民委员会、企业事业单位), 第三十四条 (乡镇、街道、社会团体或者其他组织),
 * and the linked committees stationed at courts, police stations and petition offices (诉调、警调、访调对接).
 */
export const COMMITTEE_TYPES = {
  village: { zh: '村调委会', en: 'Village committee' },
  community: { zh: '社区调委会', en: 'Community committee' },
  township: { zh: '乡镇(街道)调委会', en: 'Township / street committee' },
  enterprise: { zh: '企事业单位调委会', en: 'Enterprise / institution committee' },
  'industry-professional': { zh: '行业性专业性调委会', en: 'Industry / professional committee' },
  'court-linked': { zh: '驻法院调委会', en: 'Committee at a court' },
  'police-linked': { zh: '驻派出所调委会', en: 'Committee at a police station' },
  'petition-linked': { zh: '驻信访部门调委会', en: 'Committee at a petition office' },
  other: { zh: '其他调委会', en: 'Other committee' },
} as const;
export type CommitteeType = keyof typeof COMMITTEE_TYPES;
export const COMMITTEE_TYPE_CODES = Object.keys(COMMITTEE_TYPES) as CommitteeType[];

/** 第八条: 主任一人、副主任若干人、委员; 第十三条: 委员 and the persons the committee hires (聘任) are mediators. */
export const MEDIATOR_POSITIONS = {
  director: { zh: '主任', en: 'Director' },
  deputy: { zh: '副主任', en: 'Deputy director' },
  member: { zh: '委员', en: 'Member' },
  hired: { zh: '聘任调解员', en: 'Hired mediator' },
} as const;
export type MediatorPosition = keyof typeof MEDIATOR_POSITIONS;
export const MEDIATOR_POSITION_CODES = Object.keys(MEDIATOR_POSITIONS) as MediatorPosition[];

/** Positions that make a person a 委员 (第八条 counts these, not the hired mediators). */
export const MEMBER_POSITIONS: readonly MediatorPosition[] = ['director', 'deputy', 'member'];

export const EMPLOYMENTS = {
  'full-time': { zh: '专职', en: 'Full-time' },
  'part-time': { zh: '兼职', en: 'Part-time' },
} as const;
export type Employment = keyof typeof EMPLOYMENTS;
export const EMPLOYMENT_CODES = Object.keys(EMPLOYMENTS) as Employment[];

export const GENDERS = {
  female: { zh: '女', en: 'Female' },
  male: { zh: '男', en: 'Male' },
} as const;
export type Gender = keyof typeof GENDERS;
export const GENDER_CODES = Object.keys(GENDERS) as Gender[];

/** Specialties offered in forms; free text is allowed too (the dispute categories people ask mediators for). */
export const SUGGESTED_SPECIALTIES = [
  '婚姻家庭',
  '邻里纠纷',
  '土地山林',
  '房屋宅基地',
  '医疗纠纷',
  '道路交通事故',
  '劳动争议',
  '物业纠纷',
  '合同纠纷',
  '征地拆迁',
  '消费纠纷',
  '心理疏导',
] as const;

/** Units a committee is set up under: the judicial administration that guides it (人民调解法 第五条). */
export const COMMITTEE_PARENT_KINDS: readonly string[] = ['city-bureau', 'county-bureau', 'judicial-office', 'service-centre', 'service-station'];

/** 人民调解法 第八条: three to nine 委员. */
export const MIN_MEMBERS = 3;
export const MAX_MEMBERS = 9;
/** 人民调解法 第九条第二款: a 委员's term is three years. */
export const TERM_YEARS = 3;

export type CompositionCode =
  | 'no-members'
  | 'too-few-members'
  | 'too-many-members'
  | 'no-director'
  | 'several-directors'
  | 'no-woman'
  | 'no-minority'
  | 'term-too-long'
  | 'term-expired'
  | 'hire-expired';

export interface CompositionWarning {
  code: CompositionCode;
  zh: string;
  en: string;
  cite: { file: string; article: string };
}

/** What the check needs of one person on the committee. */
export interface CompositionMember {
  name: string;
  position: MediatorPosition;
  gender: Gender;
  ethnicity?: string | null;
  termStart?: string | null;
  termEnd?: string | null;
  active?: boolean;
}

/** Han or not recorded: not a member of a less populous ethnic group (第八条第三款). */
export const isMinority = (ethnicity: string | null | undefined) => {
  const e = ethnicity?.trim();
  return !!e && !/^汉族?$/.test(e);
};

/** `YYYY-MM-DD` plus whole years, in calendar terms (29 February rolls to 1 March). */
export function addYears(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

const art = (article: string) => ({ file: LAW_FILE, article });
const names = (list: CompositionMember[]) => list.map((m) => m.name).join('、');

/**
 * The committee's composition against 人民调解法 第八条 (3–9 委员, one 主任, a woman, a minority member where
 * several ethnic groups live) and 第九条 (three-year terms), plus hired mediators whose appointment has ended
 * (第十三条). Only active people count; hired mediators are not 委员. `today` is `YYYY-MM-DD` (Asia/Shanghai).
 * An empty list means the composition is as the law asks.
 */
export function compositionWarnings(committee: { multiEthnicArea?: boolean }, people: readonly CompositionMember[], today: string): CompositionWarning[] {
  const active = people.filter((p) => p.active !== false);
  const members = active.filter((p) => MEMBER_POSITIONS.includes(p.position));
  const out: CompositionWarning[] = [];
  const warn = (code: CompositionCode, article: string, zh: string, en: string) => out.push({ code, zh, en, cite: art(article) });

  if (members.length === 0) {
    warn(
      'no-members',
      '第八条',
      '尚未登记委员：人民调解委员会由委员三至九人组成，设主任一人，应当有妇女成员 (人民调解法 第八条)。请登记委员名单。',
      'No members registered: a committee has 3–9 members, one director and a woman among them (Art. 8). Register the members.',
    );
  } else {
    if (members.length < MIN_MEMBERS)
      warn(
        'too-few-members',
        '第八条',
        `委员仅 ${members.length} 人，少于三人 (人民调解法 第八条：委员三至九人)。请补选委员。`,
        `Only ${members.length} member(s); a committee needs 3 to 9 (Art. 8).`,
      );
    if (members.length > MAX_MEMBERS)
      warn(
        'too-many-members',
        '第八条',
        `委员 ${members.length} 人，超过九人 (人民调解法 第八条：委员三至九人)。超出的人员可改为聘任调解员。`,
        `${members.length} members; at most 9 (Art. 8). Others may be hired mediators instead.`,
      );
    const directors = members.filter((m) => m.position === 'director');
    if (directors.length === 0)
      warn(
        'no-director',
        '第八条',
        '未设主任 (人民调解法 第八条：设主任一人)。请在委员中确定主任。',
        'No director (Art. 8: one director). Name one among the members.',
      );
    if (directors.length > 1)
      warn(
        'several-directors',
        '第八条',
        `主任有 ${directors.length} 人 (${names(directors)})，应只设一人 (人民调解法 第八条)；其他人可任副主任。`,
        `${directors.length} directors (${names(directors)}); the law provides one (Art. 8); others may be deputies.`,
      );
    if (!members.some((m) => m.gender === 'female'))
      warn(
        'no-woman',
        '第八条',
        '委员中没有妇女成员 (人民调解法 第八条第三款：人民调解委员会应当有妇女成员)。',
        'No woman among the members (Art. 8 para. 3).',
      );
    if (committee.multiEthnicArea && !members.some((m) => isMinority(m.ethnicity))) {
      warn(
        'no-minority',
        '第八条',
        '本调委会位于多民族居住地区，委员中没有人数较少民族的成员 (人民调解法 第八条第三款)。',
        'A multi-ethnic area, but no member of a less populous ethnic group (Art. 8 para. 3).',
      );
    }
  }

  const long = members.filter((m) => m.termStart && m.termEnd && m.termEnd > addYears(m.termStart, TERM_YEARS));
  if (long.length)
    warn(
      'term-too-long',
      '第九条',
      `委员 ${names(long)} 的任期超过三年 (人民调解法 第九条：委员每届任期三年)。请核对任期起止日期。`,
      `Term longer than three years for ${names(long)} (Art. 9).`,
    );
  const expired = members.filter((m) => m.termEnd && m.termEnd < today);
  if (expired.length)
    warn(
      'term-expired',
      '第九条',
      `委员 ${names(expired)} 的任期已届满 (人民调解法 第九条：每届任期三年，可以连选连任)。请组织换届推选并更新名册。`,
      `The term of ${names(expired)} has ended (Art. 9: three years, re-electable). Hold the election and update the register.`,
    );
  const hires = active.filter((p) => p.position === 'hired' && p.termEnd && p.termEnd < today);
  if (hires.length)
    warn(
      'hire-expired',
      '第十三条',
      `聘任调解员 ${names(hires)} 的聘期已届满 (人民调解法 第十三条)。请续聘，或在名册中停用。`,
      `The appointment of hired mediator(s) ${names(hires)} has ended (Art. 13). Renew it or deactivate them.`,
    );
  return out;
}

/** The number of 委员 (第八条) among active people. */
export const memberCount = (people: readonly Pick<CompositionMember, 'position' | 'active'>[]) =>
  people.filter((p) => p.active !== false && MEMBER_POSITIONS.includes(p.position)).length;
