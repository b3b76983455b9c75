import { ApiError as ApiErrorBody, BACKGROUND_REQUEST_HEADER, SESSION_EXPIRES_IN_HEADER } from '@sifa/kernel/shared';
import type { z } from 'zod';

/** An API failure in the server's one error shape; `message` is meant for the person at the screen. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export type ApiLanguage = 'zh-CN' | 'en';

let csrfToken: string | undefined;
let language: ApiLanguage = 'zh-CN';
let onUnauthenticated: (() => void) | undefined;
let reauthenticate: ((code: string) => Promise<boolean>) | undefined;
let onSessionExpiresIn: ((seconds: number) => void) | undefined;

const FALLBACK_TEXT: Record<ApiLanguage, { network: string; server: (status: number) => string; shape: string }> = {
  'zh-CN': {
    network: '无法连接服务器，请检查网络后重试',
    server: (status) => `服务器错误（HTTP ${status}），请稍后重试`,
    shape: '服务器返回的数据格式不符合约定',
  },
  en: {
    network: 'Cannot reach the server; check the network and try again',
    server: (status) => `Server error (HTTP ${status}); please try again later`,
    shape: 'The server answered in an unexpected format',
  },
};

/** The CSRF token from the session response; sent on every request that changes something. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** The console language; sent as Accept-Language so error messages come back in it. */
export function setApiLanguage(lang: ApiLanguage): void {
  language = lang;
}

/** Called when a request answers 401 because the session ended or expired. */
export function setUnauthenticatedHandler(handler: (() => void) | undefined): void {
  onUnauthenticated = handler;
}

/**
 * Signs in again in place when a request meets an ended session (the console's dialog, SessionGuard): resolves true
 * once signed in — the request is then sent again, so a form's submission goes through (issue #13 item 2) — or false
 * when the person gives up.
 */
export function setReauthenticateHandler(handler: ((code: string) => Promise<boolean>) | undefined): void {
  reauthenticate = handler;
}

/** Told the seconds left on the staff session by every answer that carries them (the console's expiry warning). */
export function setSessionExpiryListener(listener: ((seconds: number) => void) | undefined): void {
  onSessionExpiresIn = listener;
}

export type QueryValue = string | number | boolean | null | undefined;

/** `?a=1&b=x` from the defined, non-empty values; '' when none. */
export function queryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type WriteMethod = Exclude<Method, 'GET'>;

/** How one API client authenticates: where its CSRF token comes from and what a 401 means for it. */
export interface ClientOptions {
  csrf: () => string | undefined;
  /** Called with the error code when a request answers 401. */
  onUnauthenticated: (code: string) => void;
  /**
   * Asked when a request answers 401 (before onUnauthenticated): resolve true to send the request once more (the
   * person signed in again), false to let the 401 stand.
   */
  reauthenticate?: (code: string, path: string) => Promise<boolean>;
  /** Called with the seconds left on the session, from each answer that carries them. */
  onSessionExpiresIn?: (seconds: number) => void;
}

/** A file fetched from the API, with the name the server gave it. */
export interface FetchedFile {
  blob: Blob;
  fileName: string;
}

/** The calls of one API audience (staff console, public portal); every answer is checked against its schema. */
export interface ApiClient {
  /** `background`: a poll of the page's own (not the person working), which does not renew the session's idle timer. */
  get<S extends z.ZodType>(path: string, schema: S, opts?: { background?: boolean }): Promise<z.infer<S>>;
  send<S extends z.ZodType>(method: WriteMethod, path: string, body: unknown, schema: S): Promise<z.infer<S>>;
  call(method: WriteMethod, path: string, body?: unknown): Promise<void>;
  /** multipart/form-data with one file in the field `file`. */
  upload<S extends z.ZodType>(path: string, file: Blob, fileName: string, schema: S): Promise<z.infer<S>>;
  file(path: string, fallbackName: string): Promise<FetchedFile>;
}

async function errorFrom(res: Response): Promise<ApiError> {
  let parsed: ApiErrorBody | undefined;
  try {
    const result = ApiErrorBody.safeParse(await res.json());
    if (result.success) parsed = result.data;
  } catch {
    // not JSON (a proxy's HTML page, an empty body): fall back to the status text below
  }
  const code = parsed?.code ?? `HTTP_${res.status}`;
  return new ApiError(res.status, code, parsed?.message ?? FALLBACK_TEXT[language].server(res.status), parsed?.details);
}

function decode<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    console.error('API response does not match its schema', result.error.issues);
    throw new ApiError(200, 'BAD_RESPONSE', FALLBACK_TEXT[language].shape, result.error.issues);
  }
  return result.data;
}

function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // malformed escape: try the plain filename
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() ?? fallback;
}

/** An API client: Accept-Language on every request, the CSRF token on every write, errors as ApiError. */
export function createApiClient(opts: ClientOptions): ApiClient {
  async function send(method: Method, path: string, body?: BodyInit, json = false, again = false, background = false): Promise<Response> {
    const headers = new Headers({ Accept: 'application/json', 'Accept-Language': language });
    if (background) headers.set(BACKGROUND_REQUEST_HEADER, '1');
    if (json) headers.set('Content-Type', 'application/json');
    const token = opts.csrf();
    if (method !== 'GET' && token) headers.set('x-csrf-token', token);
    let res: Response;
    try {
      res = await fetch(path, { method, headers, credentials: 'same-origin', body });
    } catch {
      throw new ApiError(0, 'NETWORK_ERROR', FALLBACK_TEXT[language].network);
    }
    const left = res.headers.get(SESSION_EXPIRES_IN_HEADER);
    if (left !== null && Number.isFinite(Number(left))) opts.onSessionExpiresIn?.(Number(left));
    if (!res.ok) {
      const error = await errorFrom(res);
      if (res.status === 401) {
        // the body (a string or FormData) can be sent again as it is, with the new session's CSRF token
        if (!again && (await opts.reauthenticate?.(error.code, path))) return send(method, path, body, json, true, background);
        opts.onUnauthenticated(error.code);
      }
      throw error;
    }
    return res;
  }
  const sendJson = (method: Method, path: string, body: unknown) => (body === undefined ? send(method, path) : send(method, path, JSON.stringify(body), true));

  return {
    async get(path, schema, getOpts) {
      const res = await send('GET', path, undefined, false, false, getOpts?.background === true);
      return decode(schema, await res.json());
    },
    async send(method, path, body, schema) {
      const res = await sendJson(method, path, body);
      return decode(schema, await res.json());
    },
    async call(method, path, body) {
      await sendJson(method, path, body);
    },
    async upload(path, file, fileName, schema) {
      const form = new FormData();
      form.append('file', file, fileName);
      const res = await send('POST', path, form);
      return decode(schema, await res.json());
    },
    async file(path, fallbackName) {
      const res = await send('GET', path);
      return { blob: await res.blob(), fileName: fileNameFrom(res.headers.get('Content-Disposition'), fallbackName) };
    },
  };
}

/** Answers of the sign-in form itself: a wrong password, or the second factor asked for or wrong (ADR 0020). */
const SIGN_IN_ANSWERS = new Set(['INVALID_CREDENTIALS', 'SECOND_FACTOR_REQUIRED', 'SECOND_FACTOR_INVALID']);

/** Requests whose 401 is their own answer, never a reason to sign in again in place. */
const NO_REAUTH_PATHS = new Set(['/api/auth/login', '/api/auth/logout']);

/** The staff console's client: the session's CSRF token; a 401 other than the sign-in form's own ends the session. */
export const staffApi = createApiClient({
  csrf: () => csrfToken,
  // UNAUTHENTICATED, SESSION_EXPIRED: the session is gone; a wrong password or code at sign-in is not that
  onUnauthenticated: (code) => {
    if (!SIGN_IN_ANSWERS.has(code)) onUnauthenticated?.();
  },
  // Only a session that was there (a CSRF token is held) ended under the person's hands: sign in again in place.
  // Signing in and out themselves answer for their own 401s.
  reauthenticate: (code, path) =>
    csrfToken !== undefined && reauthenticate && !SIGN_IN_ANSWERS.has(code) && !NO_REAUTH_PATHS.has(path) ? reauthenticate(code) : Promise.resolve(false),
  onSessionExpiresIn: (seconds) => onSessionExpiresIn?.(seconds),
});

/** GET a JSON resource and check it against its schema; `background` for the page's own polls (they do not keep the session alive). */
export function apiGet<S extends z.ZodType>(path: string, schema: S, opts?: { background?: boolean }): Promise<z.infer<S>> {
  return staffApi.get(path, schema, opts);
}

/** POST/PATCH with a JSON body; checks the answer against `schema`. */
export function apiSend<S extends z.ZodType>(method: WriteMethod, path: string, body: unknown, schema: S): Promise<z.infer<S>> {
  return staffApi.send(method, path, body, schema);
}

/** A state-changing request whose answer carries no content (204). */
export function apiCall(method: WriteMethod, path: string, body?: unknown): Promise<void> {
  return staffApi.call(method, path, body);
}

/** Upload one file (multipart, field `file`) and check the answer against `schema`. */
export function apiUpload<S extends z.ZodType>(path: string, file: Blob, fileName: string, schema: S): Promise<z.infer<S>> {
  return staffApi.upload(path, file, fileName, schema);
}

/** Hand a blob to the browser as a download. */
export function saveBlob({ blob, fileName }: FetchedFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Fetch a file (an Excel export, a PDF) and hand it to the browser as a download. */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  saveBlob(await staffApi.file(path, fallbackName));
}

/**
 * Fetch a PDF and open the browser's print dialog for it (in a hidden frame); where a browser cannot print a frame,
 * the PDF opens in a new tab to print from there.
 */
export async function printPdf(path: string, fallbackName: string): Promise<void> {
  const { blob } = await staffApi.file(path, fallbackName);
  const url = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
  const frame = document.createElement('iframe');
  frame.style.position = 'fixed';
  frame.style.width = '0';
  frame.style.height = '0';
  frame.style.border = '0';
  frame.setAttribute('aria-hidden', 'true');
  frame.dataset.testid = 'print-frame';
  const cleanup = () => {
    frame.remove();
    URL.revokeObjectURL(url);
  };
  frame.onload = () => {
    try {
      frame.contentWindow?.focus();
      frame.contentWindow?.print();
    } catch {
      window.open(url, '_blank', 'noopener');
    }
    // the dialog may stay open a while; the frame is not needed once it has been shown
    setTimeout(cleanup, 60_000);
  };
  frame.src = url;
  document.body.appendChild(frame);
}
