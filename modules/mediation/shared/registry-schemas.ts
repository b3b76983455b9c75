import { z } from 'zod';
import { checkMobile } from '@sifa/kernel/shared';
import {
  COMMITTEE_TYPE_CODES,
  EMPLOYMENT_CODES,
  GENDER_CODES,
  MEDIATOR_POSITION_CODES,
  type CommitteeType,
  type Employment,
  type Gender,
  type MediatorPosition,
} from './registry';

export const CommitteeTypeSchema = z.enum(COMMITTEE_TYPE_CODES as [CommitteeType, ...CommitteeType[]], { error: '请选择调委会类型' });
export const MediatorPositionSchema = z.enum(MEDIATOR_POSITION_CODES as [MediatorPosition, ...MediatorPosition[]], {
  error: '请选择职务 (主任、副主任、委员或聘任调解员)',
});
export const EmploymentSchema = z.enum(EMPLOYMENT_CODES as [Employment, ...Employment[]], { error: '请选择专职或兼职' });
export const GenderSchema = z.enum(GENDER_CODES as [Gender, ...Gender[]], { error: '请选择性别' });

const isoDate = (what: string) => z.iso.date(`${what}格式应为 YYYY-MM-DD`);
const optText = (max: number, what: string) => z.string().trim().max(max, `${what}不超过 ${max} 个字`).optional();
/** An office phone of the committee (landline or mobile): digits with the usual separators. */
const officePhone = z
  .string()
  .trim()
  .max(30, '联系电话过长')
  .regex(/^[\d\s\-+()（）转]*$/, '联系电话只能包含数字、空格、短横线和括号')
  .optional();

const committeeName = z.string({ error: '请填写调委会名称' }).trim().min(4, '调委会名称至少 4 个字').max(60, '调委会名称不超过 60 个字');

const committeeFields = {
  type: CommitteeTypeSchema,
  field: optText(60, '行业领域'),
  establishedOn: isoDate('成立日期').optional(),
  address: optText(200, '地址'),
  phone: officePhone,
  multiEthnicArea: z.boolean().optional(),
  notes: optText(1000, '备注'),
};

/** A new committee: a kernel unit of kind `mediation-committee` under `parentId`, plus its register entry. */
export const CreateCommitteeInput = z.object({ parentId: z.uuid('请选择上级单位 (指导的司法所或司法局)'), name: committeeName, ...committeeFields });
export type CreateCommitteeInput = z.infer<typeof CreateCommitteeInput>;

export const UpdateCommitteeInput = z.object({ name: committeeName.optional(), ...committeeFields, type: CommitteeTypeSchema.optional() });
export type UpdateCommitteeInput = z.infer<typeof UpdateCommitteeInput>;

export const CommitteeFilter = z.object({
  q: z.string().trim().max(60).optional(),
  type: CommitteeTypeSchema.optional(),
  /** A unit of the caller's scope: its subtree only (the console's unit filter). */
  orgId: z.uuid().optional(),
});
export type CommitteeFilter = z.infer<typeof CommitteeFilter>;

export const CompositionWarningSchema = z.object({
  code: z.string(),
  zh: z.string(),
  en: z.string(),
  cite: z.object({ file: z.string(), article: z.string() }),
});

export const CommitteeListItem = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  type: CommitteeTypeSchema,
  /** False while the committee has no register entry yet and its type is inferred from its name and unit. */
  registered: z.boolean(),
  field: z.string().nullable(),
  establishedOn: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  multiEthnicArea: z.boolean(),
  active: z.boolean(),
  /** 委员 (主任、副主任、委员) in office — the number 第八条 counts. */
  memberCount: z.number().int(),
  /** Every active mediator, 委员 and hired (第十三条). */
  mediatorCount: z.number().int(),
  warnings: z.array(CompositionWarningSchema),
});
export type CommitteeListItem = z.infer<typeof CommitteeListItem>;

const optionalMobile = z
  .string()
  .trim()
  .max(20)
  .optional()
  .superRefine((v, ctx) => {
    if (!v) return;
    const m = checkMobile(v);
    if (!m.ok) ctx.addIssue({ code: 'custom', message: m.problem });
  });

const mediatorFields = {
  name: z.string({ error: '请填写调解员姓名' }).trim().min(2, '请填写调解员姓名 (至少 2 个字)').max(40, '姓名不超过 40 个字'),
  gender: GenderSchema,
  ethnicity: optText(10, '民族'),
  position: MediatorPositionSchema,
  employment: EmploymentSchema,
  termStart: isoDate('任期开始日期').optional(),
  termEnd: isoDate('任期届满日期').optional(),
  specialties: z.array(z.string().trim().min(1).max(20, '每项专长不超过 20 个字')).max(10, '专长不超过 10 项').optional(),
  phone: optionalMobile,
  userId: z.uuid('账号格式不正确').nullable().optional(),
};

const termOrder = (v: { termStart?: string | undefined; termEnd?: string | undefined }, ctx: z.RefinementCtx) => {
  if (v.termStart && v.termEnd && v.termEnd < v.termStart) ctx.addIssue({ code: 'custom', path: ['termEnd'], message: '任期届满日期不能早于任期开始日期' });
};

export const CreateMediatorInput = z.object(mediatorFields).superRefine(termOrder);
export type CreateMediatorInput = z.infer<typeof CreateMediatorInput>;

export const UpdateMediatorInput = z
  .object({
    ...mediatorFields,
    name: mediatorFields.name.optional(),
    gender: GenderSchema.optional(),
    position: MediatorPositionSchema.optional(),
    employment: EmploymentSchema.optional(),
    /** Moves the mediator to another committee of the caller's scope. */
    committeeOrgId: z.uuid('请选择人民调解委员会').optional(),
  })
  .superRefine(termOrder);
export type UpdateMediatorInput = z.infer<typeof UpdateMediatorInput>;

export const MediatorFilter = z.object({
  q: z.string().trim().max(40).optional(),
  committeeOrgId: z.uuid().optional(),
  orgId: z.uuid().optional(),
  position: MediatorPositionSchema.optional(),
  employment: EmploymentSchema.optional(),
  specialty: z.string().trim().max(20).optional(),
  /** Active only (default), inactive only, or both. */
  status: z.enum(['active', 'inactive', 'all']).optional(),
});
export type MediatorFilter = z.infer<typeof MediatorFilter>;

export const Mediator = z.object({
  id: z.string(),
  committeeOrgId: z.string(),
  committeeName: z.string(),
  name: z.string(),
  gender: GenderSchema,
  ethnicity: z.string().nullable(),
  position: MediatorPositionSchema,
  employment: EmploymentSchema,
  termStart: z.string().nullable(),
  termEnd: z.string().nullable(),
  specialties: z.array(z.string()),
  /** 138****5678; the number itself is stored encrypted. */
  phoneMasked: z.string().nullable(),
  userId: z.string().nullable(),
  active: z.boolean(),
  /** citizens' ratings (portal, 1–5) of the disputes the mediator handled: how many, and their average */
  ratingCount: z.number().int().optional(),
  ratingAverage: z.number().nullable().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Mediator = z.infer<typeof Mediator>;

export const CommitteeDetail = CommitteeListItem.extend({
  notes: z.string().nullable(),
  divisionCode: z.string().nullable(),
  mediators: z.array(Mediator),
});
export type CommitteeDetail = z.infer<typeof CommitteeDetail>;

/** The answer to an Excel import: one line per data row (row = the sheet's row number), good rows created. */
export const RegistryImportReport = z.object({
  created: z.number().int(),
  failed: z.number().int(),
  rows: z.array(
    z.object({
      row: z.number().int(),
      ok: z.boolean(),
      name: z.string().nullable(),
      id: z.string().nullable(),
      problems: z.array(z.string()),
    }),
  ),
});
export type RegistryImportReport = z.infer<typeof RegistryImportReport>;
