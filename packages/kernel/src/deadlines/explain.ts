import { WEEKEND_ROLL_OVER_NOTE, type DeadlineCite, type DeadlineRule, type DueDateResult, type NamedDate } from '../shared/deadline-model';
import { formatDateRuns, weekdayZh } from './dates';

/** What the computation saw, for the explanation. */
export interface Trace {
  uncovered: Set<number>;
  holidays: NamedDate[];
  weekends: string[];
  makeUps: NamedDate[];
  paused: string[];
  /** Set when a month period had no corresponding day and ended on the month's last day. */
  monthEnd: string | undefined;
}

interface Steps {
  base: string;
  end: string;
  ext: { amount: number; unit: 'day' | 'workday' | 'month' } | undefined;
  trace: Trace;
  rolls: boolean;
}

const UNIT_TEXT = { day: '日', workday: '个工作日', month: '个月', hour: '小时' } as const;
const amountText = (n: number, unit: keyof typeof UNIT_TEXT) => `${n} ${UNIT_TEXT[unit]}`;
const citeText = (c: DeadlineCite) => `《${c.law}》${c.article}`;
const withWeekday = (d: string) => `${d}（${weekdayZh(d)}）`;

function groupByName(days: readonly NamedDate[]): string {
  const byName = new Map<string, string[]>();
  for (const d of days) byName.set(d.name, [...(byName.get(d.name) ?? []), d.date]);
  return [...byName].map(([name, dates]) => `${name} ${formatDateRuns(dates)}`).join('；');
}

/** Where "the start day is not counted" comes from for this rule (criminal matters: 刑事诉讼法 第一百零五条第二款). */
function startCite(rule: DeadlineRule): string {
  const own = rule.basis.find((c) => c.article === '第八十五条第二款' || c.article === '第一百零五条第二款');
  return citeText(own ?? { law: '民事诉讼法', file: 'civil-procedure-law-2023.md', article: '第八十五条第二款' });
}

/** Where the roll-over rule comes from for this rule: its own basis, else the civil-procedure rule by analogy. */
function rollOverCite(rule: DeadlineRule): string {
  const own = rule.basis.find(
    (c) => (c.law === '民事诉讼法' && c.article === '第八十五条第三款') || (c.law === '刑事诉讼法' && c.article === '第一百零五条第四款'),
  );
  return own ? citeText(own) : '参照《民事诉讼法》第八十五条第三款';
}

/** Chinese sentences a member of staff can read out to explain how the date was reached. */
export function explain(rule: DeadlineRule, r: DueDateResult, s: Steps): string[] {
  const out: string[] = [];
  const { trace } = s;
  out.push(
    `依据${citeText(rule.cite)}，期限为 ${amountText(rule.length.amount, rule.length.unit)}，自${rule.startsOnZh}之日（${r.startDate}）的次日起算，开始之日不计入（${startCite(rule)}）。`,
  );
  if (rule.length.unit === 'workday' || s.ext?.unit === 'workday') {
    const basis = rule.basis.find((c) => c.article.startsWith('第八十八条第二款'));
    out.push(`工作日不含周末和法定节假日，调休上班的周末计为工作日${basis ? `（${citeText(basis)}）` : ''}。`);
  }
  if (trace.monthEnd) {
    out.push(`按月计算的期间以到期月的对应日为最后一日；到期月没有对应日，以该月末日 ${trace.monthEnd} 为最后一日。`);
  }
  if (trace.paused.length) {
    out.push(`中止期间 ${formatDateRuns(trace.paused)} 共 ${trace.paused.length} 日不计入期限。`);
  }
  if (s.ext && s.ext.amount > 0) {
    out.push(`原期限计至 ${s.base}，依法延长 ${amountText(s.ext.amount, s.ext.unit)}，计至 ${s.end}。`);
  }
  const rollFrom = r.rolledOver?.from;
  const countedHolidays = trace.holidays.filter((h) => !rollFrom || h.date < rollFrom);
  if (countedHolidays.length) out.push(`其间跳过法定节假日：${groupByName(countedHolidays)}。`);
  const countedWeekends = trace.weekends.filter((w) => !rollFrom || w < rollFrom);
  if (countedWeekends.length) out.push(`其间跳过周末 ${countedWeekends.length} 天。`);
  for (const m of trace.makeUps) {
    out.push(
      m.date === s.end && rule.length.unit !== 'workday'
        ? `${withWeekday(m.date)}是${m.name}调休上班日，为工作日，届满日不顺延。`
        : `${withWeekday(m.date)}是${m.name}调休上班日，计为工作日。`,
    );
  }
  if (r.rolledOver) {
    out.push(
      `期间届满的最后一日 ${withWeekday(r.rolledOver.from)}是${r.rolledOver.reason}，以其后第一个工作日 ${r.rolledOver.to} 为届满日（${rollOverCite(rule)}）。`,
    );
    if (r.rolledOver.reason.includes('周末')) out.push(WEEKEND_ROLL_OVER_NOTE);
  } else if (!s.rolls && rule.length.unit !== 'workday') {
    out.push('本期限届满日不因节假日顺延。');
  }
  for (const y of r.uncoveredYears) {
    out.push(`注意：${y} 年的国务院节假日安排尚未载入本系统，涉及 ${y} 年安排的日期只按普通周末推算，结果可能变化；安排发布后请管理员载入，系统将重新计算。`);
  }
  out.push(`期限届满日为 ${withWeekday(r.dueDate)}。`);
  return out;
}
