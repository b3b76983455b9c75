import { appendAudit, findOrg, notFound } from '@sifa/kernel';
import type { z } from 'zod';
import {
  COMMITTEE_PARENT_KINDS,
  COMMITTEE_TYPE_CODES,
  COMMITTEE_TYPES,
  EMPLOYMENT_CODES,
  EMPLOYMENTS,
  GENDER_CODES,
  GENDERS,
  MEDIATOR_POSITION_CODES,
  MEDIATOR_POSITIONS,
} from '../../shared/registry';
import { CreateCommitteeInput, CreateMediatorInput, type RegistryImportReport } from '../../shared/registry-schemas';
import { createCommittee, createMediator, type RegistryCtx } from './registry';
import * as repo from './registry-repository';
import { dateText, readSheet, text, type SheetColumn, type SheetRow, type UploadedFile } from '@sifa/kernel';

type Named = Readonly<Record<string, { zh: string }>>;
const labels = (table: Named, codes: readonly string[]) => codes.map((c) => table[c]?.zh ?? c);

/** A label, a code, or a word people use for it (村 → village) → the code; undefined when nothing fits. */
function codeOf<C extends string>(
  value: string,
  table: Readonly<Record<C, { zh: string; en: string }>>,
  codes: readonly C[],
  words: readonly (readonly [RegExp, C])[] = [],
): C | undefined {
  const v = value.replace(/\s/g, '');
  return codes.find((c) => c === v || table[c].zh === v || table[c].en.toLowerCase() === v.toLowerCase()) ?? words.find(([re]) => re.test(v))?.[1];
}

const TYPE_WORDS: readonly (readonly [RegExp, (typeof COMMITTEE_TYPE_CODES)[number]])[] = [
  [/法院|法庭|诉调/, 'court-linked'],
  [/派出所|公安|警调/, 'police-linked'],
  [/信访|访调/, 'petition-linked'],
  [/行业|专业/, 'industry-professional'],
  [/企业|事业|单位/, 'enterprise'],
  [/社区|居委|居民/, 'community'],
  [/^村|村民|村委/, 'village'],
  [/乡|镇|街道/, 'township'],
  [/其他/, 'other'],
];
const POSITION_WORDS = [[/^聘任|聘用|^调解员$/, 'hired']] as const;
const GENDER_WORDS = [
  [/^女性?$/, 'female'],
  [/^男性?$/, 'male'],
] as const;

export type CommitteeColumn = 'name' | 'type' | 'parent' | 'field' | 'establishedOn' | 'address' | 'phone' | 'multiEthnicArea' | 'notes';
export const COMMITTEE_COLUMNS: readonly SheetColumn<CommitteeColumn>[] = [
  {
    key: 'name',
    header: '调委会名称*',
    aliases: ['名称', '人民调解委员会名称'],
    required: true,
    width: 30,
    hint: '如“沙河镇东坑村人民调解委员会”，4 至 60 个字；同一单位下不能重名',
  },
  {
    key: 'type',
    header: '类型*',
    aliases: ['调委会类型'],
    required: true,
    width: 20,
    list: labels(COMMITTEE_TYPES, COMMITTEE_TYPE_CODES),
    hint: `从下拉列表选择：${labels(COMMITTEE_TYPES, COMMITTEE_TYPE_CODES).join('、')}`,
  },
  {
    key: 'parent',
    header: '上级单位',
    aliases: ['指导单位', '所属司法所'],
    width: 22,
    hint: '留空则设在导入时选择的单位之下；也可填该单位下属的司法所名称，如“沙河镇司法所”',
  },
  { key: 'field', header: '行业领域', aliases: ['专业领域', '行业专业'], width: 16, hint: '行业性专业性调委会填写，如 医疗纠纷、道路交通事故' },
  { key: 'establishedOn', header: '成立日期', width: 12, hint: '如 2019-05-10' },
  { key: 'address', header: '办公地址', aliases: ['地址'], width: 30, hint: '调解室地址，不超过 200 字' },
  { key: 'phone', header: '办公电话', aliases: ['联系电话', '电话'], width: 16, hint: '单位电话，如 0797-8123456' },
  {
    key: 'multiEthnicArea',
    header: '多民族居住地区',
    width: 14,
    list: ['是', '否'],
    hint: '填“是”时，构成校验会提示委员中应有人数较少民族的成员 (人民调解法 第八条)',
  },
  { key: 'notes', header: '备注', width: 24, hint: '选填' },
];

export type MediatorColumn = 'name' | 'committee' | 'gender' | 'ethnicity' | 'position' | 'employment' | 'termStart' | 'termEnd' | 'specialties' | 'phone';
export const MEDIATOR_COLUMNS: readonly SheetColumn<MediatorColumn>[] = [
  { key: 'name', header: '姓名*', required: true, width: 12, hint: '2 至 40 个字' },
  {
    key: 'committee',
    header: '所属调委会',
    aliases: ['调委会', '人民调解委员会'],
    width: 30,
    hint: '调委会全称，须在导入时选择的单位之下；在某个调委会页面导入时可留空',
  },
  { key: 'gender', header: '性别*', required: true, width: 8, list: labels(GENDERS, GENDER_CODES), hint: '男 或 女 (人民调解法 第八条：调委会应当有妇女成员)' },
  { key: 'ethnicity', header: '民族', width: 10, hint: '如 汉族、畲族' },
  {
    key: 'position',
    header: '职务*',
    required: true,
    width: 14,
    list: labels(MEDIATOR_POSITIONS, MEDIATOR_POSITION_CODES),
    hint: '主任、副主任、委员 (以上为委员，第八条) 或 聘任调解员 (第十三条)',
  },
  {
    key: 'employment',
    header: '专兼职*',
    aliases: ['专职兼职', '专/兼职'],
    required: true,
    width: 10,
    list: labels(EMPLOYMENTS, EMPLOYMENT_CODES),
    hint: '专职 或 兼职',
  },
  { key: 'termStart', header: '任期开始', aliases: ['任期起始', '聘期开始'], width: 12, hint: '如 2024-01-01' },
  { key: 'termEnd', header: '任期届满', aliases: ['任期结束', '聘期届满'], width: 12, hint: '如 2026-12-31 (第九条：委员每届任期三年)' },
  { key: 'specialties', header: '调解专长', aliases: ['专长'], width: 24, hint: '多项用顿号或逗号分隔，如 婚姻家庭、邻里纠纷' },
  { key: 'phone', header: '手机号', aliases: ['联系电话', '电话', '手机'], width: 14, hint: '11 位手机号；系统加密保存，列表中只显示 138****5678' },
];

type Row = RegistryImportReport['rows'][number];

/** Zod's problems of a row, named by the template's column (the schema's field names mean nothing to a user). */
function problemsOf<K extends string>(error: z.ZodError, columns: readonly SheetColumn<K>[], skip: ReadonlySet<string>): string[] {
  return error.issues
    .filter((i) => !skip.has(String(i.path[0])))
    .map((i) => {
      const col = columns.find((c) => c.key === String(i.path[0]));
      return col ? `${col.header.replace('*', '')}：${i.message}` : i.message;
    });
}

/** Runs every row on its own: a bad row is reported and skipped, a good row is written whole (its own transaction). */
async function eachRow<K extends string>(rows: SheetRow<K>[], one: (r: SheetRow<K>) => Promise<Omit<Row, 'row'>>): Promise<RegistryImportReport> {
  const report: RegistryImportReport = { created: 0, failed: 0, rows: [] };
  for (const r of rows) {
    let result: Omit<Row, 'row'>;
    try {
      result = await one(r);
    } catch (e) {
      result = {
        ok: false,
        name: typeof r.values['name' as K] === 'string' ? (r.values['name' as K] as string) : null,
        id: null,
        problems: [e instanceof Error ? e.message : String(e)],
      };
    }
    report.rows.push({ row: r.row, ...result });
    if (result.ok) report.created++;
    else report.failed++;
  }
  return report;
}

/**
 * Committees from a spreadsheet, set up under `unitId` (or a unit below it named in 上级单位). The unit is checked
 * before the file is read: another county's unit is refused whole (404).
 */
export async function importCommittees(ctx: RegistryCtx, unitId: string, readFile: () => Promise<UploadedFile>): Promise<RegistryImportReport> {
  const unit = await findOrg(ctx.db, ctx.scope, unitId);
  if (!unit) throw notFound('导入单位');
  const file = await readFile();
  const rows = await readSheet(file, COMMITTEE_COLUMNS);
  const units = (await repo.unitsUnder(ctx.db, ctx.scope, unit.path)).filter((u) => COMMITTEE_PARENT_KINDS.includes(u.kind));
  const report = await eachRow(rows, async ({ values: v }) => {
    const problems: string[] = [];
    const skip = new Set<string>();
    const type = v.type === undefined ? undefined : codeOf(text(v.type) ?? '', COMMITTEE_TYPES, COMMITTEE_TYPE_CODES, TYPE_WORDS);
    if (v.type !== undefined && !type) {
      problems.push(`类型：“${text(v.type) ?? ''}”无法识别，应为 ${labels(COMMITTEE_TYPES, COMMITTEE_TYPE_CODES).join('、')} 之一`);
      skip.add('type');
    }
    let parentId = unit.id;
    const parentName = text(v.parent);
    if (parentName) {
      const found = units.filter((u) => u.name === parentName);
      if (found.length !== 1) problems.push(`上级单位：“${parentName}”不在“${unit.name}”之下，或不是司法局、司法所、公共法律服务中心(站)`);
      else parentId = found[0]?.id ?? unit.id;
    }
    const ethnic = text(v.multiEthnicArea);
    if (ethnic && !/^(是|否|Y|N|yes|no)$/i.test(ethnic)) problems.push(`多民族居住地区：应填“是”或“否”，现为“${ethnic}”`);
    const parsed = CreateCommitteeInput.safeParse({
      parentId,
      name: text(v.name),
      type,
      field: text(v.field),
      establishedOn: dateText(v.establishedOn),
      address: text(v.address),
      phone: text(v.phone),
      multiEthnicArea: ethnic ? /^(是|Y|yes)$/i.test(ethnic) : undefined,
      notes: text(v.notes),
    });
    if (!parsed.success) problems.push(...problemsOf(parsed.error, COMMITTEE_COLUMNS, skip));
    const name = text(v.name) ?? null;
    if (problems.length || !parsed.success) return { ok: false, name, id: null, problems };
    const c = await createCommittee(ctx, parsed.data);
    return { ok: true, name: c.name, id: c.id, problems: [] };
  });
  await audit(ctx, 'mediation.committee.import', unit, file.filename, report);
  return report;
}

/**
 * Mediators from a spreadsheet onto the committees under `unitId`, named in 所属调委会 (blank when `unitId` is
 * itself the committee).
 */
export async function importMediators(ctx: RegistryCtx, unitId: string, readFile: () => Promise<UploadedFile>): Promise<RegistryImportReport> {
  const unit = await findOrg(ctx.db, ctx.scope, unitId);
  if (!unit) throw notFound('导入单位');
  const file = await readFile();
  const rows = await readSheet(file, MEDIATOR_COLUMNS);
  const committees = await repo.committeesUnder(ctx.db, ctx.scope, unit.path);
  const report = await eachRow(rows, async ({ values: v }) => {
    const problems: string[] = [];
    const skip = new Set<string>();
    const pick = <C extends string>(
      key: MediatorColumn,
      table: Readonly<Record<C, { zh: string; en: string }>>,
      codes: readonly C[],
      words: readonly (readonly [RegExp, C])[] = [],
    ) => {
      const raw = text(v[key]);
      if (raw === undefined) return undefined;
      const code = codeOf(raw, table, codes, words);
      if (!code) {
        const col = MEDIATOR_COLUMNS.find((c) => c.key === key);
        problems.push(`${col?.header.replace('*', '') ?? key}：“${raw}”无法识别，应为 ${labels(table, codes).join('、')} 之一`);
        skip.add(key);
      }
      return code;
    };
    const gender = pick('gender', GENDERS, GENDER_CODES, GENDER_WORDS);
    const position = pick('position', MEDIATOR_POSITIONS, MEDIATOR_POSITION_CODES, POSITION_WORDS);
    const employment = pick('employment', EMPLOYMENTS, EMPLOYMENT_CODES);
    const committeeName = text(v.committee);
    let committeeId: string | undefined;
    if (committeeName) {
      const found = committees.filter((c) => c.name === committeeName);
      if (found.length === 1) committeeId = found[0]?.id;
      else
        problems.push(
          found.length ? `所属调委会：“${committeeName}”有重名，请在该调委会页面导入` : `所属调委会：“${committeeName}”不在“${unit.name}”之下，或已停用`,
        );
    } else if (unit.kind === 'mediation-committee') committeeId = unit.id;
    else problems.push(`所属调委会：请填写调委会全称 (须在“${unit.name}”之下)`);
    // Said here too: zod runs the schema's own order check only once every field is valid.
    const [termStart, termEnd] = [dateText(v.termStart), dateText(v.termEnd)];
    const isDay = (d: string | undefined): d is string => !!d && /^\d{4}-\d{2}-\d{2}$/.test(d);
    if (isDay(termStart) && isDay(termEnd) && termEnd < termStart) {
      problems.push(`任期届满：任期届满日期不能早于任期开始日期 (${termStart} 至 ${termEnd})`);
      skip.add('termEnd');
    }
    const parsed = CreateMediatorInput.safeParse({
      name: text(v.name),
      gender,
      ethnicity: text(v.ethnicity),
      position,
      employment,
      termStart,
      termEnd,
      specialties: text(v.specialties)
        ?.split(/[、，,;；/\s]+/)
        .filter(Boolean),
      phone: text(v.phone),
    });
    if (!parsed.success) problems.push(...problemsOf(parsed.error, MEDIATOR_COLUMNS, skip));
    const name = text(v.name) ?? null;
    if (problems.length || !parsed.success || !committeeId) return { ok: false, name, id: null, problems };
    const m = await createMediator(ctx, committeeId, parsed.data);
    return { ok: true, name: m.name, id: m.id, problems: [] };
  });
  await audit(ctx, 'mediation.mediator.import', unit, file.filename, report);
  return report;
}

/** One entry for the import as a whole; each created record has its own entry from its create. */
async function audit(ctx: RegistryCtx, action: string, unit: { id: string; name: string }, filename: string, report: RegistryImportReport) {
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, ctx.actor, {
      action,
      targetType: 'org',
      targetId: unit.id,
      summary: { unit: unit.name, file: filename, rows: report.rows.length, created: report.created, failed: report.failed },
    }),
  );
}
