import { randomUUID } from 'node:crypto';
import {
  appendAudit,
  dateText,
  findOrg,
  notFound,
  readSheet,
  seedMatters,
  text,
  type Ctx,
  type SeedAction,
  type SeedMatter,
  type SheetColumn,
  type UploadedFile,
} from '@sifa/kernel';
import { ACT_TYPE_KEYS, ACT_TYPES, CLOSING_BY_IMPORT_NAME, CLOSINGS, SECTOR_KEYS, SECTORS, type Closing, type ImportReport } from '../shared/schemas';
import { CASE_WORKFLOW } from '../shared/workflow';
import { existingNumbers, insertCases } from './repository';
import type { CasesTable } from './schema';
import type { Insertable } from 'kysely';

// 历史案件导入 (issue #16 item 6): earlier years' cases from an Excel/CSV template, so the figures (shared/indicators.ts)
// cover the years before go-live. Each good row becomes a closed (or still running) case with its dates as recorded;
// a bad row is reported with what to fix and not imported. One transaction and one audit entry for the file.

type Column = 'number' | 'applicant' | 'respondent' | 'receivedOn' | 'acceptedOn' | 'closedOn' | 'closing' | 'sector' | 'actType' | 'enterprise' | 'loss';
const IMPORT_NAMES = Object.keys(CLOSING_BY_IMPORT_NAME);

export const IMPORT_COLUMNS: readonly SheetColumn<Column>[] = [
  { key: 'number', header: '案号*', aliases: ['案件编号', '编号'], required: true, width: 24, hint: '原案号，如“赣市府复〔2023〕12号”；平台内不能重复' },
  { key: 'applicant', header: '申请人*', required: true, width: 20, hint: '申请人姓名或名称，多人用顿号分隔' },
  { key: 'respondent', header: '被申请人*', required: true, width: 26, hint: '被申请的行政机关全称' },
  { key: 'receivedOn', header: '申请日期*', aliases: ['收到申请日期'], required: true, width: 12, hint: '如 2023-03-01' },
  { key: 'acceptedOn', header: '受理日期', width: 12, hint: '未受理的留空；不早于申请日期' },
  { key: 'closedOn', header: '结案日期', aliases: ['审结日期'], width: 12, hint: '未结案的留空；填写时须同时填写受理日期和结案方式' },
  { key: 'closing', header: '结案方式', width: 14, list: IMPORT_NAMES, hint: `从下拉列表选择：${IMPORT_NAMES.join('、')}` },
  { key: 'sector', header: '行业领域', width: 14, list: SECTOR_KEYS.map((k) => SECTORS[k].zh), hint: '留空按“其他”统计' },
  { key: 'actType', header: '行为类别', width: 14, list: ACT_TYPE_KEYS.map((k) => ACT_TYPES[k].zh), hint: '留空按“其他”统计' },
  { key: 'enterprise', header: '涉企', width: 8, list: ['是', '否'], hint: '申请人为企业或个体工商户的填“是”' },
  { key: 'loss', header: '挽回经济损失（元）', aliases: ['挽回经济损失'], width: 14, hint: '数字，如 12000.50' },
];

const isDay = (s: string | undefined) => !!s && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
/** A Shanghai calendar day as the instant of its midnight there. */
const midnight = (day: string) => new Date(`${day}T00:00:00+08:00`);
const byZh = <K extends string>(table: Record<K, { zh: string }>, keys: readonly K[], v: string | undefined) =>
  v ? keys.find((k) => table[k].zh === v || k === v) : undefined;

/** Imports the file's cases into `unitId` (a unit of the caller's scope); the answer reports every row. */
export async function importCases(ctx: Ctx, unitId: string, readFile: () => Promise<UploadedFile>): Promise<ImportReport> {
  const unit = await findOrg(ctx.db, ctx.scope, unitId);
  if (!unit) throw notFound('导入单位');
  const file = await readFile();
  const rows = await readSheet(file, IMPORT_COLUMNS, { maxRows: 20_000 });
  const taken = await existingNumbers(ctx.db, rows.map((r) => text(r.values.number) ?? '').filter(Boolean));
  const seen = new Set<string>();
  const report: ImportReport = { created: 0, failed: 0, rows: [] };
  const matters: SeedMatter[] = [];
  const actions: SeedAction[] = [];
  const cases: Insertable<CasesTable>[] = [];
  for (const { row, values: v } of rows) {
    const problems: string[] = [];
    const number = text(v.number)?.trim() ?? '';
    const applicant = text(v.applicant)?.trim() ?? '';
    const respondent = text(v.respondent)?.trim() ?? '';
    const receivedOn = dateText(v.receivedOn);
    const acceptedOn = dateText(v.acceptedOn);
    const closedOn = dateText(v.closedOn);
    const closingName = text(v.closing)?.trim();
    const closing: Closing | undefined = closingName ? CLOSING_BY_IMPORT_NAME[closingName] : undefined;
    if (!number || number.length > 60) problems.push('案号：请填写原案号（不超过 60 字）');
    else if (taken.has(number) || seen.has(number)) problems.push(`案号：“${number}”已存在，请核对是否重复导入`);
    if (!applicant || applicant.length > 100) problems.push('申请人：请填写申请人姓名或名称（不超过 100 字）');
    if (respondent.length < 2 || respondent.length > 100) problems.push('被申请人：请填写被申请的行政机关全称（2 至 100 字）');
    if (!isDay(receivedOn)) problems.push('申请日期：请填写有效日期，如 2023-03-01');
    if (acceptedOn && !isDay(acceptedOn)) problems.push('受理日期：请填写有效日期，如 2023-03-06');
    if (closedOn && !isDay(closedOn)) problems.push('结案日期：请填写有效日期，如 2023-05-06');
    if (isDay(receivedOn) && isDay(acceptedOn) && (acceptedOn as string) < (receivedOn as string)) problems.push('受理日期：不能早于申请日期');
    if (isDay(acceptedOn) && isDay(closedOn) && (closedOn as string) < (acceptedOn as string)) problems.push('结案日期：不能早于受理日期');
    if (closingName && !closing) problems.push(`结案方式：“${closingName}”无法识别，应为 ${IMPORT_NAMES.join('、')} 之一`);
    if ((closing || closedOn) && !(closing && closedOn && acceptedOn)) problems.push('结案方式、结案日期：已结案的须同时填写受理日期、结案日期和结案方式');
    const sectorName = text(v.sector)?.trim();
    const sector = sectorName ? byZh(SECTORS, SECTOR_KEYS, sectorName) : 'other';
    if (!sector) problems.push(`行业领域：“${sectorName}”无法识别`);
    const actName = text(v.actType)?.trim();
    const actType = actName ? byZh(ACT_TYPES, ACT_TYPE_KEYS, actName) : 'other';
    if (!actType) problems.push(`行为类别：“${actName}”无法识别`);
    const ent = text(v.enterprise)?.trim();
    if (ent && !/^(是|否)$/.test(ent)) problems.push('涉企：应填“是”或“否”');
    const lossText = text(v.loss)?.trim();
    const loss = lossText ? Number(lossText.replace(/,/g, '')) : 0;
    if (!Number.isFinite(loss) || loss < 0) problems.push('挽回经济损失：应为不小于 0 的数字');
    if (problems.length) {
      report.rows.push({ row, ok: false, number: number || null, id: null, problems });
      report.failed++;
      continue;
    }
    seen.add(number);
    const id = randomUUID();
    const status = closing ? (CLOSINGS[closing].by === 'terminate' ? 'terminated' : 'decided') : acceptedOn ? 'accepted' : 'received';
    const received = receivedOn as string;
    matters.push({
      id,
      kind: CASE_WORKFLOW.kind,
      number,
      year: Number(received.slice(0, 4)),
      seq: row,
      orgId: unit.id,
      status,
      title: `${applicant}不服${respondent}`.slice(0, 60),
      outcome: closing ? (CLOSINGS[closing].by === 'terminate' ? 'terminated' : 'decided') : null,
      openedAt: midnight(received),
      closedAt: closedOn ? midnight(closedOn) : null,
    });
    actions.push({ matterId: id, action: 'import', fromStatus: null, toStatus: status, actorName: ctx.user.displayName, at: ctx.now });
    cases.push({
      id,
      channel: 'import',
      respondent,
      sector: sector as string,
      actType: actType as string,
      act: '（历史数据导入）',
      request: '（历史数据导入）',
      receivedOn: received,
      acceptedOn: acceptedOn ?? null,
      procedure: acceptedOn ? 'ordinary' : null,
      closing: closing ?? null,
      closedOn: closedOn ?? null,
      enterprise: ent === '是',
      lossRecoveredFen: Math.round(loss * 100),
      imported: true,
    });
    report.rows.push({ row, ok: true, number, id, problems: [] });
    report.created++;
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (matters.length) {
      await seedMatters(trx, 'reconsideration', matters, actions);
      await insertCases(trx, cases);
    }
    await appendAudit(trx, ctx.actor, {
      action: 'reconsideration.case.import',
      targetType: 'org',
      targetId: unit.id,
      summary: { unit: unit.name, file: file.filename, rows: report.rows.length, created: report.created, failed: report.failed },
    });
  });
  return report;
}
