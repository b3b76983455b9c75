import { z } from 'zod';

/** Kinds of organisation unit (features.md K1). */
export const ORG_KINDS = [
  'city-bureau',
  'county-bureau',
  'judicial-office',
  'service-centre',
  'service-station',
  'mediation-committee',
  'legal-aid-centre',
  'corrections-body',
  'law-firm',
  'notary-office',
  'appraisal-institution',
  'arbitration-commission',
  'enforcement-department',
  'court',
  'procuratorate',
  'police',
  'other',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_KIND_NAMES: Record<OrgKind, { zh: string; en: string }> = {
  'city-bureau': { zh: '市司法局', en: 'City justice bureau' },
  'county-bureau': { zh: '县(市、区)司法局', en: 'County justice bureau' },
  'judicial-office': { zh: '司法所', en: 'Judicial office' },
  'service-centre': { zh: '公共法律服务中心', en: 'Public legal service centre' },
  'service-station': { zh: '公共法律服务站/室', en: 'Public legal service station' },
  'mediation-committee': { zh: '人民调解委员会', en: 'Mediation committee' },
  'legal-aid-centre': { zh: '法律援助中心', en: 'Legal-aid centre' },
  'corrections-body': { zh: '社区矫正机构', en: 'Community corrections body' },
  'law-firm': { zh: '律师事务所', en: 'Law firm' },
  'notary-office': { zh: '公证处', en: 'Notary office' },
  'appraisal-institution': { zh: '司法鉴定机构', en: 'Judicial appraisal institution' },
  'arbitration-commission': { zh: '仲裁委员会', en: 'Arbitration commission' },
  'enforcement-department': { zh: '行政执法部门', en: 'Enforcement department' },
  court: { zh: '人民法院', en: 'Court' },
  procuratorate: { zh: '人民检察院', en: 'Procuratorate' },
  police: { zh: '公安机关', en: 'Police' },
  other: { zh: '其他', en: 'Other' },
};

export const OrgKindSchema = z.enum(ORG_KINDS);

export const Org = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  kind: OrgKindSchema,
  name: z.string(),
  divisionCode: z.string().nullable(),
  divisionName: z.string().nullable(),
  depth: z.number().int(),
  active: z.boolean(),
  sort: z.number().int(),
});
export type Org = z.infer<typeof Org>;

const orgName = z.string().trim().min(2, '单位名称至少 2 个字').max(60, '单位名称不超过 60 个字');

export const CreateOrgInput = z.object({
  parentId: z.uuid('请选择上级单位'),
  kind: OrgKindSchema,
  name: orgName,
  divisionCode: z
    .string()
    .regex(/^\d{2}(\d{2}(\d{2}(\d{3}(\d{3})?)?)?)?$/, '区划代码应为 2、4、6、9 或 12 位数字')
    .nullable()
    .optional(),
  sort: z.number().int().min(0).max(99999).optional(),
});
export type CreateOrgInput = z.infer<typeof CreateOrgInput>;

export const UpdateOrgInput = z.object({
  name: orgName.optional(),
  sort: z.number().int().min(0).max(99999).optional(),
});
export type UpdateOrgInput = z.infer<typeof UpdateOrgInput>;

export const Division = z.object({
  code: z.string(),
  name: z.string(),
  level: z.number().int(),
  parentCode: z.string().nullable(),
});
export type Division = z.infer<typeof Division>;
