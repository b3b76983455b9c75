import { createContext, useContext } from 'react';

/** Console languages: Chinese by default, English on request. */
export type Lang = 'zh-CN' | 'en';

/** Each entry: [中文, English]. `{name}` placeholders are filled by `t(key, { name })`. */
const MESSAGES = {
  'app.title': ['智慧司法行政平台', 'Smart Judicial Administration Platform'],
  'app.brand': ['智慧司法行政平台', 'Sifa Justice Platform'],
  'app.shortTitle': ['智慧司法', 'Sifa'],
  'app.loading': ['正在加载…', 'Loading…'],

  'common.total': ['共 {n} 条', '{n} in total'],
  'common.search': ['查询', 'Search'],
  'common.reset': ['重置', 'Reset'],
  'common.export': ['导出 Excel', 'Export to Excel'],
  'common.exporting': ['正在导出…', 'Exporting…'],
  'common.cancel': ['取消', 'Cancel'],
  'common.save': ['保存', 'Save'],
  'common.actions': ['操作', 'Actions'],
  'common.all': ['全部', 'All'],
  'common.none': ['—', '—'],
  'common.empty': ['暂无数据', 'No data'],
  'common.required': ['请填写{field}', 'Please enter {field}'],
  'common.requiredSelect': ['请选择{field}', 'Please select {field}'],
  'common.done': ['操作成功', 'Done'],
  'common.status': ['状态', 'Status'],
  'common.active': ['启用', 'Active'],
  'common.inactive': ['已停用', 'Inactive'],
  'common.retry': ['重试', 'Retry'],
  'common.loadFailed': ['加载失败', 'Failed to load'],
  'common.expand': ['展开', 'More filters'],
  'common.collapse': ['收起', 'Fewer filters'],

  'lang.switch': ['English', '中文'],
  'lang.switchTitle': ['切换语言', 'Switch language'],

  'menu.open': ['打开菜单', 'Open menu'],

  'unit.filter': ['单位', 'Unit'],
  'unit.all': ['全部单位', 'All units'],

  'user.menu.password': ['修改口令', 'Change password'],
  'user.menu.logout': ['退出登录', 'Sign out'],
  'user.loggedOut': ['已退出登录', 'Signed out'],

  'login.username': ['登录名', 'Username'],
  'login.password': ['口令', 'Password'],
  'login.submit': ['登录', 'Sign in'],
  'login.subtitle': ['工作人员登录', 'Staff sign-in'],

  'password.title': ['修改口令', 'Change password'],
  'password.current': ['当前口令', 'Current password'],
  'password.new': ['新口令', 'New password'],
  'password.confirm': ['确认新口令', 'Confirm new password'],
  'password.mismatch': ['两次输入的新口令不一致', 'The two new passwords differ'],
  'password.same': ['新口令不能与当前口令相同', 'The new password must differ from the current one'],
  'password.changed': ['口令已修改', 'Password changed'],
  'password.rule': [
    '至少 8 位，包含大写字母、小写字母、数字、符号中的至少三类',
    'At least 8 characters from at least three of: upper case, lower case, digits, symbols',
  ],
  'password.tooShort': ['口令至少 8 位', 'At least 8 characters'],
  'password.tooLong': ['口令不超过 128 位', 'At most 128 characters'],
  'password.weak': [
    '口令须包含大写字母、小写字母、数字、符号中的至少三类',
    'Use at least three of: upper case, lower case, digits, symbols',
  ],

  'error.forbidden.title': ['无权访问', 'Access denied'],
  'error.forbidden.text': ['您没有访问此页面的权限。', 'You do not have permission to open this page.'],
  'error.notFound.title': ['页面不存在', 'Page not found'],
  'error.notFound.text': ['您访问的页面不存在或已被移除。', 'The page does not exist or has been removed.'],
  'error.backHome': ['返回首页', 'Back to home'],
  'error.pageCrashed': ['页面出错了，请刷新后重试', 'Something went wrong; reload the page and try again'],

  'todo.title': ['我的待办', 'My to-do'],
  'todo.empty': ['暂无待办事项', 'Nothing to do'],
  'todo.item': ['事项', 'Item'],
  'todo.module': ['业务', 'Business line'],
  'todo.number': ['编号', 'Number'],
  'todo.due': ['期限', 'Deadline'],
  'todo.open': ['办理', 'Open'],

  'org.title': ['组织机构', 'Organisations'],
  'org.search': ['按名称搜索', 'Search by name'],
  'org.empty': ['暂无单位', 'No units'],
  'org.noMatch': ['没有匹配的单位', 'No matching unit'],
  'org.selectHint': ['请在左侧选择一个单位', 'Select a unit on the left'],
  'org.name': ['单位名称', 'Name'],
  'org.kind': ['单位类型', 'Kind'],
  'org.division': ['行政区划', 'Division'],
  'org.parent': ['上级单位', 'Parent unit'],
  'org.sort': ['排序', 'Sort order'],
  'org.nameLength': ['单位名称为 2–60 个字', 'The name is 2–60 characters'],
  'org.add': ['新增下级单位', 'Add sub-unit'],
  'org.addTitle': ['新增下级单位（{parent}）', 'Add a sub-unit of {parent}'],
  'org.rename': ['重命名', 'Rename'],
  'org.renameTitle': ['重命名单位', 'Rename unit'],
  'org.deactivate': ['停用', 'Deactivate'],
  'org.activate': ['启用', 'Activate'],
  'org.deactivateConfirm': [
    '确定停用“{name}”？停用后不能再在该单位下办理新业务。',
    'Deactivate “{name}”? No new business can be handled there.',
  ],
  'org.activateConfirm': ['确定启用“{name}”？', 'Activate “{name}”?'],
  'org.deactivated': ['已停用', 'Deactivated'],
  'org.activated': ['已启用', 'Activated'],
  'org.created': ['已新增单位', 'Unit added'],
  'org.renamed': ['已重命名', 'Renamed'],
  'org.divisionOptional': ['可不选；默认与上级单位相同', 'Optional; defaults to the parent unit’s'],
  'org.sameDivision': ['{name}（与上级相同）', '{name} (same as parent)'],
  'org.exportName': ['组织机构.xlsx', 'organisations.xlsx'],

  'user.title': ['用户管理', 'Users'],
  'user.keyword': ['关键字', 'Keyword'],
  'user.keywordHint': ['登录名或姓名', 'Username or name'],
  'user.username': ['登录名', 'Username'],
  'user.displayName': ['姓名', 'Name'],
  'user.org': ['所属单位', 'Unit'],
  'user.roles': ['角色', 'Roles'],
  'user.role': ['角色', 'Role'],
  'user.status': ['状态', 'Status'],
  'user.lastLogin': ['最近登录', 'Last sign-in'],
  'user.active': ['启用', 'Active'],
  'user.disabled': ['已停用', 'Disabled'],
  'user.locked': ['已锁定', 'Locked'],
  'user.lockedUntil': ['锁定至 {time}', 'Locked until {time}'],
  'user.add': ['新增用户', 'Add user'],
  'user.edit': ['编辑', 'Edit'],
  'user.editTitle': ['编辑用户（{name}）', 'Edit user ({name})'],
  'user.initialPassword': ['初始口令', 'Initial password'],
  'user.deactivate': ['停用', 'Deactivate'],
  'user.activate': ['启用', 'Activate'],
  'user.unlock': ['解锁', 'Unlock'],
  'user.resetPassword': ['重置口令', 'Reset password'],
  'user.resetTitle': ['重置口令（{name}）', 'Reset password ({name})'],
  'user.deactivateConfirm': [
    '确定停用用户“{name}”？停用后该用户不能登录。',
    'Deactivate “{name}”? The user can no longer sign in.',
  ],
  'user.activateConfirm': ['确定启用用户“{name}”？', 'Activate “{name}”?'],
  'user.unlockConfirm': ['确定解除“{name}”的登录锁定？', 'Unlock “{name}”?'],
  'user.resetConfirm': ['确定重置“{name}”的口令？', 'Reset the password of “{name}”?'],
  'user.created': ['已新增用户', 'User added'],
  'user.updated': ['已保存用户', 'User saved'],
  'user.passwordReset': ['口令已重置', 'Password reset'],
  'user.usernameRule': [
    '3–32 位小写字母、数字、下划线、点或连字符，以字母开头',
    '3–32 lower-case letters, digits, _ . or -, starting with a letter',
  ],
  'user.exportName': ['用户.xlsx', 'users.xlsx'],

  'audit.title': ['审计日志', 'Audit log'],
  'audit.dates': ['日期', 'Dates'],
  'audit.from': ['开始日期', 'From'],
  'audit.to': ['结束日期', 'To'],
  'audit.actor': ['操作人', 'Actor'],
  'audit.action': ['操作', 'Action'],
  'audit.seq': ['序号', 'Seq'],
  'audit.at': ['时间', 'Time'],
  'audit.result': ['结果', 'Result'],
  'audit.org': ['单位', 'Unit'],
  'audit.target': ['对象', 'Target'],
  'audit.requestId': ['请求编号', 'Request ID'],
  'audit.ip': ['IP 地址', 'IP address'],
  'audit.summary': ['摘要', 'Summary'],
  'audit.result.success': ['成功', 'Success'],
  'audit.result.denied': ['拒绝', 'Denied'],
  'audit.result.failure': ['失败', 'Failed'],
  'audit.verify': ['校验哈希链', 'Verify hash chain'],
  'audit.verifyOk': ['哈希链完整：已校验 {n} 条记录', 'Hash chain intact: {n} entries checked'],
  'audit.verifyBroken': ['哈希链在第 {seq} 条记录处断开：{reason}', 'Hash chain broken at entry {seq}: {reason}'],
  'audit.verifyChecked': ['已校验 {n} 条记录', '{n} entries checked'],
  'audit.exportName': ['审计日志.xlsx', 'audit-log.xlsx'],
} as const satisfies Record<string, readonly [string, string]>;

export type MessageKey = keyof typeof MESSAGES;
export type MessageVars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: MessageVars) => string;

/** The text of `key` in `lang` with `{name}` placeholders filled (numbers with thousands separators). */
export function translate(lang: Lang, key: MessageKey, vars?: MessageVars): string {
  const text: string = MESSAGES[key][lang === 'en' ? 1 : 0];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value, lang) : value;
  });
}

/** 12,345 — counts with thousands separators. */
export function formatNumber(value: number, lang: Lang): string {
  return value.toLocaleString(lang === 'en' ? 'en-US' : 'zh-CN');
}

/** One of two strings (zh, en) by language; for labels that come as pairs (registry, ORG_KIND_NAMES). */
export function pick(lang: Lang, zh: string, en: string): string {
  return lang === 'en' ? en : zh;
}

const STORAGE_KEY = 'sifa.lang';

/** The language chosen last time on this browser; Chinese by default. */
export function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function storeLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode or storage disabled: the choice lasts for this page only
  }
}

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

export const I18nContext = createContext<I18n>({
  lang: 'zh-CN',
  setLang: () => undefined,
  t: (key, vars) => translate('zh-CN', key, vars),
});

/** The console language, its translator and the switch. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
