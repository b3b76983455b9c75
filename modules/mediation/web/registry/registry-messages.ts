import { useCallback } from 'react';
import { fillText } from '@sifa/ui';
import type { Lang } from '@sifa/ui';
import { useMediationText } from '../common/messages';

/**
 * The register pages' own text (人民调解组织与调解员名册), [中文, English] per key — kept apart from messages.ts so
 * the register and the dispute pages can change without touching one file.
 */
export const REGISTRY_MESSAGES = {
  'committees.title': ['人民调解委员会名册', 'Mediation committees'],
  'committees.keywordHint': ['调委会名称', 'Committee name'],
  'committees.empty': ['没有符合条件的调委会', 'No committee matches'],
  'committees.add': ['新设调委会', 'New committee'],
  'committees.import': ['导入调委会', 'Import committees'],
  'committees.exportName': ['人民调解委员会名册.xlsx', 'mediation-committees.xlsx'],
  'committees.warnedOnly': ['{n} 个调委会的构成需要关注', '{n} committee(s) need attention'],
  'mediators.title': ['人民调解员名册', 'Mediators'],
  'mediators.keywordHint': ['姓名或调委会名称', 'Name or committee'],
  'mediators.empty': ['没有符合条件的调解员', 'No mediator matches'],
  'mediators.import': ['导入调解员', 'Import mediators'],
  'mediators.exportName': ['人民调解员名册.xlsx', 'mediators.xlsx'],
  'field.committee': ['调委会', 'Committee'],
  'field.committeeName': ['调委会名称', 'Committee name'],
  'field.committeeNameHint': ['如：解放街道和平社区人民调解委员会', 'e.g. Heping Community People’s Mediation Committee'],
  'field.ethnicityHint': ['如：汉族', 'e.g. Han'],
  'field.type': ['类型', 'Type'],
  'field.parent': ['上级单位', 'Guiding unit'],
  'field.parentHint': ['指导该调委会的司法所或司法局', 'The judicial office or bureau that guides it'],
  'field.field': ['行业领域', 'Field'],
  'field.fieldHint': ['行业性专业性调委会填写，如 医疗纠纷', 'For industry committees, e.g. medical disputes'],
  'field.established': ['成立日期', 'Established'],
  'field.address': ['办公地址', 'Address'],
  'field.phone': ['办公电话', 'Office phone'],
  'field.multiEthnic': ['多民族居住地区', 'Multi-ethnic area'],
  'field.multiEthnicHint': ['是则委员中应有人数较少民族的成员 (人民调解法 第八条)', 'If so, a member of a less populous ethnic group is expected (Art. 8)'],
  'field.notes': ['备注', 'Notes'],
  'field.members': ['委员', 'Members'],
  'field.membersHint': ['主任、副主任和委员 (第八条：三至九人)', 'Director, deputies and members (Art. 8: 3 to 9)'],
  'field.mediators': ['调解员', 'Mediators'],
  'field.composition': ['构成', 'Composition'],
  'field.name': ['姓名', 'Name'],
  'field.gender': ['性别', 'Gender'],
  'field.ethnicity': ['民族', 'Ethnic group'],
  'field.position': ['职务', 'Position'],
  'field.employment': ['专兼职', 'Employment'],
  'field.term': ['任期', 'Term'],
  'field.termStart': ['任期开始', 'Term from'],
  'field.termEnd': ['任期届满', 'Term until'],
  'field.specialties': ['调解专长', 'Specialties'],
  'field.specialtiesHint': ['可选择或输入，回车确认', 'Pick or type, Enter to add'],
  'field.mobile': ['手机号', 'Mobile'],
  'field.rating': ['群众评价', 'Citizen rating'],
  'field.ratingValue': ['{average} 分 ({count} 条)', '{average} ({count} ratings)'],
  'field.mobileHint': ['加密保存，列表中只显示掩码', 'Stored encrypted, shown masked'],
  'field.mobileKeep': ['留空则不修改 (现为 {masked})', 'Leave empty to keep ({masked})'],
  'field.status': ['状态', 'Status'],
  'status.active': ['在册', 'Active'],
  'status.inactive': ['已停用', 'Inactive'],
  'status.all': ['全部', 'All'],
  'composition.ok': ['构成符合人民调解法第八条、第九条的要求', 'Composition meets Arts. 8–9 of the People’s Mediation Law'],
  'composition.title': ['构成提示 ({n})', 'Composition warnings ({n})'],
  'composition.tag': ['{n} 项提示', '{n} warning(s)'],
  'composition.okTag': ['符合', 'OK'],
  'composition.inferred': ['尚未登记，类型由名称推定', 'Not registered yet; type inferred from the name'],
  'committee.back': ['返回名册', 'Back to the register'],
  'committee.notFound': ['调委会不存在或不在您的管辖范围内', 'Committee not found or outside your scope'],
  'committee.edit': ['编辑', 'Edit'],
  'committee.editTitle': ['编辑 {name}', 'Edit {name}'],
  'committee.addTitle': ['新设人民调解委员会', 'New mediation committee'],
  'committee.created': ['已新设 {name}', '{name} created'],
  'committee.saved': ['已保存', 'Saved'],
  'committee.members': ['委员和调解员', 'Members and mediators'],
  'committee.addMediator': ['登记调解员', 'Add a mediator'],
  'committee.importMediators': ['导入调解员', 'Import mediators'],
  'committee.showInactive': ['显示已停用', 'Show inactive'],
  'committee.noMediators': ['尚未登记调解员', 'No mediator registered'],
  'mediator.addTitle': ['登记调解员', 'Add a mediator'],
  'mediator.editTitle': ['编辑调解员 {name}', 'Edit mediator {name}'],
  'mediator.created': ['已登记调解员 {name}', 'Mediator {name} added'],
  'mediator.saved': ['已保存', 'Saved'],
  'mediator.deactivate': ['停用', 'Deactivate'],
  'mediator.activate': ['启用', 'Reactivate'],
  'mediator.deactivateTitle': ['停用调解员 {name}？', 'Deactivate {name}?'],
  'mediator.deactivateText': [
    '用于离任、解聘：记录保留，不再计入委员人数，也不再出现在指派调解员的选项中。',
    'For leaving or dismissal: the record is kept but no longer counts and is not offered for assignment.',
  ],
  'mediator.deactivated': ['已停用 {name}', '{name} deactivated'],
  'mediator.activated': ['已启用 {name}', '{name} reactivated'],
  'import.what.committees': ['调委会', 'Committees'],
  'import.what.mediators': ['调解员', 'Mediators'],
  'import.title': ['{what}：从 Excel 导入', '{what}: import from Excel'],
  'import.steps': [
    '1. 下载模板并按“填写说明”填写；2. 选择填好的文件 (.xlsx 或 .csv)；3. 查看逐行结果：有问题的行不导入，其他行照常导入。',
    '1. Download the template and fill it in; 2. choose the file (.xlsx or .csv); 3. read the row report: rows with problems are skipped, the others are imported.',
  ],
  'import.templateName': ['{what}导入模板.xlsx', '{what}-template.xlsx'],
  'import.limit': ['不超过 5 MB、2000 行', 'At most 5 MB and 2,000 rows'],
  'import.into': ['导入到：{unit}', 'Into: {unit}'],
  'import.pickUnit': ['请先在顶部选择要导入到的单位', 'Choose the unit to import into in the top bar first'],
  'menu.committees': ['调委会名册', 'Committees'],
  'menu.mediators': ['调解员名册', 'Mediators'],
} as const satisfies Record<string, readonly [string, string]>;

export type RegistryKey = keyof typeof REGISTRY_MESSAGES;
export type RegistryText = (key: RegistryKey, vars?: Record<string, string | number>) => string;

/** `key` in `lang` with `{name}` placeholders filled (numbers with thousands separators). */
export function registryText(lang: Lang, key: RegistryKey, vars?: Record<string, string | number>): string {
  return fillText(REGISTRY_MESSAGES[key][lang === 'en' ? 1 : 0], lang, vars);
}

/** The mediation module's text helpers plus `rt` for the register's own keys. */
export function useRegistryText() {
  const text = useMediationText();
  const { lang } = text;
  const rt = useCallback<RegistryText>((key, vars) => registryText(lang, key, vars), [lang]);
  return { ...text, rt };
}
