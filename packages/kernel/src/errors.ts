/** Error codes with their messages in Chinese (default) and English. `{name}` is replaced from params. */
const MESSAGES = {
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  INVALID_CREDENTIALS: { status: 401, zh: '登录名或口令不正确', en: 'Wrong user name or password' },
  ACCOUNT_LOCKED: {
    status: 423,
    zh: '连续登录失败次数过多，账号已临时锁定，请于 {until} 后重试或联系管理员解锁',
    en: 'Too many failed sign-ins: the account is locked until {until}; try again later or ask an administrator',
  },
  ACCOUNT_DISABLED: { status: 403, zh: '账号已停用，请联系管理员', en: 'This account is disabled; contact an administrator' },
  SESSION_EXPIRED: { status: 401, zh: '会话已超时，请重新登录', en: 'Your session has expired; please sign in again' },
  FORBIDDEN: { status: 403, zh: '您没有执行此操作的权限 ({permission})', en: 'You do not have permission for this ({permission})' },
  CSRF_FAILED: {
    status: 403,
    zh: '请求缺少有效的防伪令牌，请刷新页面后重试',
    en: 'The request lacks a valid anti-forgery token; reload the page and try again',
  },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请 {after} 后再试', en: 'Too many requests; try again in {after}' },
  VALIDATION_FAILED: { status: 400, zh: '提交的内容有误：{first}', en: 'Invalid input: {first}' },
  BAD_REQUEST: { status: 400, zh: '请求格式不正确：{reason}', en: 'Malformed request: {reason}' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '请求内容类型不受支持，请以 JSON 提交', en: 'Unsupported content type; send JSON' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '提交的内容过大', en: 'The request body is too large' },
  NOT_FOUND: { status: 404, zh: '{what}不存在或不在您的管辖范围内', en: '{what} not found or outside your scope' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在：{method} {url}', en: 'No such endpoint: {method} {url}' },
  CONFLICT: { status: 409, zh: '{reason}', en: '{reason}' },
  WRONG_PASSWORD: { status: 400, zh: '当前口令不正确', en: 'The current password is wrong' },
  WEAK_PASSWORD: { status: 400, zh: '{reason}', en: 'The password is too weak: {reason}' },
  USERNAME_TAKEN: { status: 409, zh: '登录名 {username} 已被使用', en: 'The user name {username} is taken' },
  ORG_INACTIVE: { status: 409, zh: '单位“{name}”已停用，不能在其下新增单位或用户', en: 'Unit "{name}" is deactivated' },
  ORG_ROOT: { status: 409, zh: '不能停用您自己所在的顶层单位', en: 'You cannot deactivate the top unit of your own scope' },
  ORG_HAS_ACTIVE_USERS: {
    status: 409,
    zh: '单位“{name}”及其下级仍有 {count} 个启用的账号，请先停用或调走这些账号',
    en: 'Unit "{name}" and its sub-units still have {count} active accounts; disable or move them first',
  },
  MATTER_CONFLICT: {
    status: 409,
    zh: '事项 {number} 已被他人更新 (当前版本 {version})，您的操作未执行；请刷新后查看最新情况再操作',
    en: 'Matter {number} was changed by someone else (now version {version}); nothing was done — reload and try again',
  },
  INVALID_TRANSITION: { status: 409, zh: '事项当前状态为“{status}”，不能执行“{action}”', en: 'In status "{status}" the action "{action}" is not allowed' },
  ACTION_NEEDS_FORM: { status: 400, zh: '“{action}”需要填写相应内容，请在业务页面中办理', en: '"{action}" needs its form; use the business page' },
  SELF_ACTION: { status: 409, zh: '不能对自己的账号执行此操作', en: 'You cannot do this to your own account' },
  INTERNAL: {
    status: 500,
    zh: '服务器内部错误，请稍后重试；如持续出现请将请求编号 {requestId} 告知管理员',
    en: 'Internal error; if it persists, give the request id {requestId} to an administrator',
  },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof MESSAGES;
export type Locale = 'zh' | 'en';

type Params = Record<string, string | number>;

const fill = (template: string, params: Params) =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));

export function errorMessage(code: ErrorCode, locale: Locale, params: Params = {}): string {
  return fill(MESSAGES[code][locale], params);
}

/** A failure a person can act on; rendered as `{ code, message, details }` in the request's locale. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Params = {},
    readonly details?: unknown,
  ) {
    super(errorMessage(code, 'zh', params));
    this.name = 'AppError';
    this.status = MESSAGES[code].status;
  }
  localized(locale: Locale): string {
    return errorMessage(this.code, locale, this.params);
  }
}

export const notFound = (whatZh: string) => new AppError('NOT_FOUND', { what: whatZh });

export function localeOf(acceptLanguage: string | undefined): Locale {
  return acceptLanguage?.trim().toLowerCase().startsWith('en') ? 'en' : 'zh';
}
