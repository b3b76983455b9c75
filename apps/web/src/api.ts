import { ApiError as ApiErrorBody } from '@sifa/kernel/shared';
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

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

async function send(method: Method, path: string, body?: unknown): Promise<Response> {
  const headers = new Headers({ Accept: 'application/json', 'Accept-Language': language });
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  if (method !== 'GET' && csrfToken) headers.set('x-csrf-token', csrfToken);
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', FALLBACK_TEXT[language].network);
  }
  if (!res.ok) throw await errorFrom(res);
  return res;
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
  const error = new ApiError(
    res.status,
    code,
    parsed?.message ?? FALLBACK_TEXT[language].server(res.status),
    parsed?.details,
  );
  // UNAUTHENTICATED, SESSION_EXPIRED: the session is gone; a wrong password at sign-in is not that
  if (res.status === 401 && code !== 'INVALID_CREDENTIALS') onUnauthenticated?.();
  return error;
}

function decode<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    console.error('API response does not match its schema', result.error.issues);
    throw new ApiError(200, 'BAD_RESPONSE', FALLBACK_TEXT[language].shape, result.error.issues);
  }
  return result.data;
}

/** GET a JSON resource and check it against its schema. */
export async function apiGet<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
  const res = await send('GET', path);
  return decode(schema, await res.json());
}

/** POST/PATCH with a JSON body; checks the answer against `schema`, or expects no content without one. */
export async function apiSend<S extends z.ZodType>(
  method: Exclude<Method, 'GET'>,
  path: string,
  body: unknown,
  schema: S,
): Promise<z.infer<S>> {
  const res = await send(method, path, body);
  return decode(schema, await res.json());
}

/** A state-changing request whose answer carries no content (204). */
export async function apiCall(method: Exclude<Method, 'GET'>, path: string, body?: unknown): Promise<void> {
  await send(method, path, body);
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

/** Fetch a file (an Excel export) and hand it to the browser as a download. */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const res = await send('GET', path);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameFrom(res.headers.get('Content-Disposition'), fallbackName);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
