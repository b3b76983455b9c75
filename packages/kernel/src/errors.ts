/** Error codes with their messages in Chinese (default) and English. `{name}` is replaced from params. */
const MESSAGES = {
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  INVALID_CREDENTIALS: { status: 401, zh: '登录名或口令不正确', en: 'Wrong user name or password' },
  ACCOUNT_LOCKED: {
    status: 423,
    zh: '连续登录失败次数过多，账号已临时锁定，请于 {until} 后重试或联系管理员解锁',
    en: 'Too many failed sign-ins: the account is locked until {until}; try again later or ask an administrator',
  },
  SECOND_FACTOR_REQUIRED: {
    status: 401,
    zh: '请输入手机动态口令 App 显示的 6 位验证码 (或一个恢复码)',
    en: 'Enter the 6-digit code from your authenticator app (or a recovery code)',
  },
  SECOND_FACTOR_INVALID: {
    status: 401,
    zh: '动态验证码不正确或已使用，请输入 App 当前显示的验证码；手机丢失时可用恢复码，或请安全管理员重置',
    en: 'The code is wrong or already used; enter the current one, a recovery code, or ask the security administrator for a reset',
  },
  SECOND_FACTOR_ENROL_REQUIRED: {
    status: 403,
    zh: '您的账号须先绑定动态口令 (二次验证) 才能使用系统，请在“二次验证”页面完成绑定',
    en: 'Your account must enrol a second factor first; open the "Two-step verification" page',
  },
  SECOND_FACTOR_ENROLLED: {
    status: 409,
    zh: '您已绑定动态口令；如需更换手机，请联系安全管理员重置后重新绑定',
    en: 'A second factor is already enrolled; ask the security administrator to reset it to change phones',
  },
  SECOND_FACTOR_CODE_WRONG: {
    status: 400,
    zh: '验证码不正确：请确认已用 App 扫描本页二维码，并输入 App 当前显示的 6 位数字 (手机时间须准确)',
    en: 'Wrong code: scan this page’s QR code with the app and enter the 6 digits it shows now (check the phone’s clock)',
  },
  SECOND_FACTOR_NO_SETUP: { status: 409, zh: '请先点击“开始绑定”获取二维码，再输入验证码', en: 'Start the enrolment to get the QR code first' },
  PASSWORD_ATTEMPTS_LOCKED: {
    status: 423,
    zh: '当前口令连续输错次数过多，请于 {until} 后再修改口令',
    en: 'Too many wrong current passwords; try again after {until}',
  },
  ROLE_CONFLICT: {
    status: 409,
    zh: '“{a}”与“{b}”不能由同一账号兼任 (职责分离，GB/T 22239-2019 三员分立)，请分别建立账号',
    en: 'One account cannot hold both "{a}" and "{b}" (separation of duties); use separate accounts',
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
  INVALID_JSON: { status: 400, zh: '提交的内容不是合法的 JSON，请检查格式', en: 'The request body is not valid JSON' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '请求内容类型不受支持，请以 JSON 提交', en: 'Unsupported content type; send JSON' },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    zh: '提交的内容超过 {limit} 的上限，请精简后再提交 (文件请用上传功能提交)',
    en: 'The request body is over the {limit} limit; shorten it (send files through the upload)',
  },
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
  PHONE_REVEAL_LIMIT: {
    status: 429,
    zh: '一小时内已查看 {max} 位当事人的电话，已达上限 (不允许批量查看)；请 {minutes} 分钟后再试，确有需要请联系管理员',
    en: "You have revealed {max} parties' phones within an hour (bulk reveals are refused); try again in {minutes} min",
  },
  OTP_TOO_SOON: { status: 429, zh: '验证码已发送，请 {seconds} 秒后再重新获取', en: 'A code was just sent; ask again in {seconds} s' },
  OTP_DAILY_LIMIT: { status: 429, zh: '该手机号今日获取验证码已达 {max} 次，请明天再试', en: 'This phone has asked for {max} codes today; try tomorrow' },
  OTP_INVALID: { status: 400, zh: '验证码错误或已失效，请重新获取', en: 'The code is wrong or has expired; ask for a new one' },
  PUBLIC_UNAUTHENTICATED: { status: 401, zh: '请先用手机号和验证码登录', en: 'Please sign in with your phone and a code' },
  TRACK_NOT_FOUND: {
    status: 404,
    zh: '没有找到与该编号和手机号对应的申请，请核对编号 (如 赣章调〔2026〕12号) 和申请时留的手机号',
    en: 'No application matches this number and phone; check both',
  },
  ROLE_NOT_MANAGEABLE: {
    status: 403,
    zh: '您不能分配或管理“{role}”角色的账号 (系统管理员与安全审计员三员分立)',
    en: 'You may not assign or manage accounts with the role "{role}" (separation of duties)',
  },
  SELF_ACTION: { status: 409, zh: '不能对自己的账号执行此操作', en: 'You cannot do this to your own account' },
  DEADLINE_RULE_UNKNOWN: {
    status: 400,
    zh: '未知的期限规则“{id}”，可用的规则见 /api/deadline-rules',
    en: 'Unknown deadline rule "{id}"; see /api/deadline-rules',
  },
  // issue #13 item 4: the message names both dates, e.g. 调解日期 2026-03-01 早于登记日期 2026-03-05
  EVENT_DATE_OUT_OF_ORDER: { status: 400, zh: '日期先后不对：{reason}，请核对后重新填写', en: 'Dates out of order: {reason}; check and correct the date' },
  DEADLINE_REFUSED: { status: 409, zh: '{reason}', en: 'The deadline cannot be changed: {reason}' },
  CALENDAR_NOT_LOADED: {
    status: 404,
    zh: '{year} 年的节假日安排尚未载入：请系统管理员在“节假日安排”中载入国务院办公厅的通知',
    en: 'The {year} holiday schedule has not been loaded; an administrator loads it under Holiday calendar',
  },
  CALENDAR_INVALID: { status: 400, zh: '{year} 年节假日安排有误：{reason}', en: 'The {year} holiday schedule is invalid: {reason}' },
  FILE_TOO_LARGE: {
    status: 413,
    zh: '文件“{name}”超过 {limit} 的大小上限，请压缩或拆分后再上传',
    en: 'File "{name}" exceeds the {limit} limit; compress or split it',
  },
  UPLOAD_TOO_LARGE: {
    status: 413,
    zh: '上传的文件约 {size}，超过 {limit} 的大小上限，已停止接收；请压缩或拆分后再上传',
    en: 'The upload is about {size}, over the {limit} limit, and was stopped; compress or split it',
  },
  SHEET_TOO_LARGE: { status: 413, zh: '{reason}', en: 'The spreadsheet is too large to import: {reason}' },
  WORK_TOO_LARGE: {
    status: 413,
    zh: '提交的文件或内容过大，处理时超出了服务器为单项处理设定的内存上限，已停止处理；请拆分或精简后重试',
    en: 'The file or content is too large: processing it passed the memory limit and was stopped; split or shorten it',
  },
  WORK_TIMEOUT: {
    status: 413,
    zh: '提交的文件或内容处理超过 {seconds} 秒仍未完成，已停止处理；请拆分或精简后重试',
    en: 'Processing the file or content took over {seconds} s and was stopped; split or shorten it',
  },
  UPLOAD_REFUSED: { status: 413, zh: '{reason}', en: 'The upload was refused: {reason}' },
  UPLOAD_MALFORMED: {
    status: 400,
    zh: '上传的内容不完整或格式有误 (应为 multipart/form-data，文件字段名为 file)，请重新选择文件上传',
    en: 'The upload is incomplete or malformed (multipart/form-data with a field named file); choose the file and upload again',
  },
  FILE_TYPE_REFUSED: { status: 415, zh: '不能上传“{name}”：只接受以下格式的文件：{allowed}', en: 'Cannot upload "{name}": accepted formats are {allowed}' },
  FILE_CONTENT_MISMATCH: {
    status: 415,
    zh: '文件“{name}”的内容不是 {label} (可能是改了扩展名的其他文件)，已拒绝上传；请上传真实的 {label}',
    en: 'The content of "{name}" is not {label} (renamed file?); upload a real {label} file',
  },
  FILE_EMPTY: { status: 400, zh: '文件“{name}”是空文件，请选择正确的文件后重新上传', en: 'File "{name}" is empty' },
  FILE_REQUIRED: {
    status: 400,
    zh: '请求中没有文件：请以 multipart/form-data 上传，文件字段名为 file',
    en: 'No file: send multipart/form-data with a field named file',
  },
  STORED_FILE_DAMAGED: {
    status: 500,
    zh: '文件“{name}”的存储副本缺失或已损坏 (校验不符)，请联系管理员从备份恢复',
    en: 'The stored copy of "{name}" is missing or damaged; ask an administrator to restore it from backup',
  },
  DOCUMENT_NUMBER_TAKEN: {
    status: 409,
    zh: '文书编号 {number} 已被使用，请核对后重新填写，或留空由系统自动编号',
    en: 'Document number {number} is taken; correct it or leave it empty',
  },
  DOCUMENT_TITLE_PERSONAL: {
    status: 400,
    zh: '文书标题会在公开核验页显示，不得包含{what}；请只写文种名称，如“人民调解受理通知书”',
    en: 'The title is shown on the public verification page and must not contain {what}; use the document type only',
  },
  DOCUMENT_ISSUER_INVALID: {
    status: 400,
    zh: '出具单位须为事项承办单位“{org}”或其上级单位',
    en: 'The issuing unit must be the matter’s unit "{org}" or one above it',
  },
  DOCUMENT_KIND_UNKNOWN: {
    status: 400,
    zh: '文书类型“{kind}”不是本业务条线声明的文书类型；可出具的类型：{known}',
    en: 'Document kind "{kind}" is not declared by this matter’s business line; declared kinds: {known}',
  },
  DOCUMENT_NUMBER_FORMAT: {
    status: 400,
    zh: '文书编号“{number}”不符合本单位本年度的编号格式，应形如“{example}”；或留空由系统自动编号',
    en: 'Document number "{number}" does not follow this unit’s format for the year (like "{example}"); or leave it empty',
  },
  DOCUMENT_REVOKED: { status: 409, zh: '文书 {number} 已于 {at} 撤销，不能重复撤销', en: 'Document {number} was already revoked on {at}' },
  VERIFY_NOT_FOUND: {
    status: 404,
    zh: '未查到该核验码对应的文书。请确认扫描的是文书右下角的二维码、网址输入完整；如仍无法核验，请持文书向出具单位核实',
    en: 'No document has this verification code. Check that you scanned the code on the document or typed the address fully; otherwise ask the issuing unit',
  },
  INTERNAL: {
    status: 500,
    zh: '服务器内部错误，请稍后重试；如持续出现请将请求编号 {requestId} 告知管理员',
    en: 'Internal error; if it persists, give the request id {requestId} to an administrator',
  },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof MESSAGES;
export type Locale = 'zh' | 'en';

type Params = Record<string, string | number>;

const fill = (template: string, params: Params) => template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));

export function errorMessage(code: ErrorCode, locale: Locale, params: Params = {}): string {
  return fill(MESSAGES[code][locale], params);
}

/** The error codes by HTTP status (the API document lists them under each error answer, platform plugins/openapi.ts). */
export function errorCodesByStatus(): Record<number, ErrorCode[]> {
  const out: Record<number, ErrorCode[]> = {};
  for (const [code, m] of Object.entries(MESSAGES) as [ErrorCode, { status: number }][]) (out[m.status] ??= []).push(code);
  return out;
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
