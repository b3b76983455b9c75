import type { FastifyInstance, RouteOptions } from 'fastify';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { errorCodesByStatus, PUBLIC_COOKIE, SESSION_COOKIE } from '@sifa/kernel';
import { markPublic } from './public';

/**
 * The API document (`/api/docs/json`) as another program needs it (issue #13 item 11, ADR 0026): how to sign in
 * (the session cookies and the CSRF header as security schemes, on exactly the routes that check them), one stable
 * `operationId` per operation, and the error answers each route can give in the platform's one error shape. All of
 * it is derived from what a route already declares (method, path, `config.public/citizen/permission`, its input
 * schemas), so a module's routes are documented without anything added to them.
 */

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Security scheme names in the document (a generated client's `security` handlers are keyed by them). */
export const SECURITY_SCHEMES = {
  staffSession: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: '工作人员会话：POST /api/auth/login 成功后服务器设置的 HttpOnly Cookie (空闲超时见 SIFA_SESSION_IDLE_MINUTES)。',
  },
  citizenSession: {
    type: 'apiKey',
    in: 'cookie',
    name: PUBLIC_COOKIE,
    description: '群众会话：POST /api/public/auth/login (手机号 + 短信验证码) 成功后设置的 HttpOnly Cookie。',
  },
  csrfToken: {
    type: 'apiKey',
    in: 'header',
    name: 'x-csrf-token',
    description:
      '防伪令牌 (ADR 0004)：登录答复和 GET /api/auth/session (群众为 /api/public/auth/session) 中的 csrfToken；会话的每个写请求 (POST/PUT/PATCH/DELETE) 须携带。',
  },
} as const;

type SecurityRequirement = Partial<Record<keyof typeof SECURITY_SCHEMES, string[]>>;

interface RouteAccess {
  public?: boolean;
  citizen?: boolean;
  authenticated?: boolean;
  permission?: string;
}

/** Who may call a route, as the auth hook checks it (plugins/auth.ts): none for public routes, cookie (+ CSRF on writes) otherwise. */
export function securityOf(method: string, config: RouteAccess | undefined): SecurityRequirement[] {
  if (!config || config.public) return [];
  const session = config.citizen ? 'citizenSession' : 'staffSession';
  return [SAFE.has(method) ? { [session]: [] } : { [session]: [], csrfToken: [] }];
}

const words = (s: string) =>
  s
    .replace(/[{}:]/g, ' ')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/**
 * `GET /api/mediation/disputes/{id}/sessions` → `getMediationDisputesByIdSessions`: method and path, so the id
 * stays the same for as long as the route does. A path parameter reads `By<Name>`; `/api` is left out.
 */
export function operationIdOf(method: string, url: string): string {
  const segments = url
    .replace(/^\/api(?=\/|$)/, '')
    .split('/')
    .filter(Boolean);
  const parts = segments.flatMap((seg) => {
    const param = /^[:{]([^}]+)}?$/.exec(seg);
    return param ? ['By', ...words(param[1] ?? '').map(capital)] : words(seg).map(capital);
  });
  return method.toLowerCase() + (parts.join('') || 'Root');
}

/** A collision of two derived ids (`/a-b` and `/a/b`) falls back to the path spelled out: unique, still stable. */
const spelledOut = (method: string, url: string) =>
  `${method.toLowerCase()}_${url
    .replace(/^\/api\//, '')
    .replace(/[{}:]/g, '')
    .replace(/[^A-Za-z0-9_.-]+/g, '_')}`;

const STATUS_TEXT: Record<string, { name: string; zh: string }> = {
  '400': { name: 'BadRequest', zh: '请求内容或格式有误 (VALIDATION_FAILED 时 details 逐项列出字段和原因)' },
  '401': { name: 'Unauthorized', zh: '未登录或会话已超时：重新登录后再试' },
  '403': { name: 'Forbidden', zh: '无此权限、缺少防伪令牌 x-csrf-token，或账号须先绑定二次验证' },
  '404': { name: 'NotFound', zh: '记录不存在或不在调用者的管辖范围内 (不区分二者)' },
  '409': { name: 'Conflict', zh: '与当前状态冲突 (如事项已被他人更新、流程不允许该操作)：刷新后再决定' },
  '413': { name: 'PayloadTooLarge', zh: '请求体或文件超过上限' },
  '415': { name: 'UnsupportedMediaType', zh: '内容类型不受支持：以 JSON (上传为 multipart/form-data) 提交' },
  '429': { name: 'TooManyRequests', zh: '请求过于频繁：按 message 所说的时间后再试' },
};

/** The error answers a route can give, by what it declares: input → 400, a session → 401/403, a path id → 404, … */
export function errorStatusesOf(method: string, url: string, schema: Record<string, unknown> | undefined, config: RouteAccess | undefined): string[] {
  const out = new Set<string>();
  const hasInput = Boolean(schema?.body || schema?.querystring || schema?.params || schema?.headers) || /[:{]/.test(url);
  const writes = !SAFE.has(method);
  const secured = Boolean(config && !config.public);
  if (hasInput) out.add('400');
  if (secured) out.add('401');
  // staff: permission, second-factor enrolment and CSRF; citizens: CSRF on writes only
  if (secured && (!config?.citizen || writes)) out.add('403');
  if (/[:{]/.test(url)) out.add('404');
  if (writes && secured) out.add('409');
  if (writes) out.add('413').add('415');
  out.add('429'); // every route is under the per-address rate limit
  return [...out].sort();
}

const errorBody = {
  type: 'object',
  description: '平台唯一的错误答复形式 (packages/kernel/src/errors.ts)；message 按 Accept-Language 为中文 (默认) 或英文，可直接展示给用户。',
  required: ['code', 'message'],
  properties: {
    code: { type: 'string', description: '稳定的错误代码，程序据此判断 (如 VALIDATION_FAILED、FORBIDDEN、MATTER_CONFLICT)', example: 'VALIDATION_FAILED' },
    message: { type: 'string', description: '给人看的说明：说明原因和怎么办', example: '提交的内容有误：summary：字符串太短' },
    details: { description: '补充信息；VALIDATION_FAILED 时为 [{ field, message }]' },
    after: { type: 'string', description: 'RATE_LIMITED：多久后可以再试' },
  },
} as const;

function errorResponses() {
  const codes = errorCodesByStatus();
  return Object.fromEntries(
    Object.entries(STATUS_TEXT).map(([status, t]) => {
      const list = (codes[Number(status)] ?? []).join(', ');
      return [
        t.name,
        { description: `${t.zh}${list ? `。code: ${list}` : ''}`, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      ];
    }),
  );
}

const DOWNLOADS: [RegExp, string, string][] = [
  [/\.xlsx$/, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Excel 文件 (.xlsx)'],
  [/\/pdf$/, 'application/pdf', 'PDF 文书'],
  [/\/download$/, 'application/octet-stream', '附件文件 (Content-Type 为其实际类型)'],
];

/** A download route's answer by its address: the file's media type, as binary. */
function downloadOf(route: string) {
  const hit = DOWNLOADS.find(([re]) => re.test(route));
  return hit && { description: hit[2], content: { [hit[1]]: { schema: { type: 'string', format: 'binary' } } } };
}

type Operation = { operationId?: string; responses?: Record<string, unknown>; 'x-sifa-route'?: string };

export async function registerOpenApi(app: FastifyInstance, opts: { version: string; transformSchema: <S extends object>(schema: S) => S }) {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Sifa 智慧司法行政平台 API',
        version: opts.version,
        description:
          '错误统一为 {code, message, details}。工作人员以 POST /api/auth/login 登录 (会话 Cookie sifa_session)，群众以手机号验证码登录 (sifa_public)；' +
          '写请求须在 x-csrf-token 头中携带登录答复中的 csrfToken。x-sifa-permission 为调用该接口所需的权限。',
        license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
      },
      components: { securitySchemes: SECURITY_SCHEMES },
    },
    transform: (doc) => {
      const route = doc.route as RouteOptions & { config?: RouteAccess };
      const method = String(Array.isArray(route.method) ? route.method[0] : route.method);
      const base = jsonSchemaTransform({ ...doc, schema: opts.transformSchema(doc.schema) });
      const schema = base.schema as Record<string, unknown> | undefined;
      if (!schema || schema.hide) return base;
      const config = route.config;
      return {
        ...base,
        schema: {
          ...schema,
          // a typed action keeps the id it declares (module.matter.action)
          operationId: (schema.operationId as string | undefined) ?? operationIdOf(method, doc.url),
          security: securityOf(method, config),
          ...(config?.permission ? { 'x-sifa-permission': config.permission } : {}),
          'x-sifa-errors': errorStatusesOf(method, doc.url, doc.schema as Record<string, unknown>, config),
          'x-sifa-route': `${method} ${doc.url}`,
        },
      };
    },
    transformObject: (documentObject) => {
      if (!('openapiObject' in documentObject)) return documentObject.swaggerObject;
      const { openapiObject } = documentObject;
      const doc = openapiObject as { paths?: Record<string, Record<string, Operation & { 'x-sifa-errors'?: string[] }>>; components?: Record<string, unknown> };
      const seen = new Map<string, Operation[]>();
      for (const ops of Object.values(doc.paths ?? {})) {
        for (const op of Object.values(ops)) {
          const statuses = op['x-sifa-errors'] ?? [];
          delete op['x-sifa-errors'];
          op.responses = { ...op.responses };
          const route = op['x-sifa-route'] ?? '';
          const ok = op.responses['200'] as { description?: string; content?: unknown } | undefined;
          // a route that declares no answer: say what is known (a download by its suffix), not "Default Response"
          if (ok && !ok.content && ok.description === 'Default Response') op.responses['200'] = downloadOf(route) ?? { description: '成功 (答复内容未声明)' };
          for (const s of statuses) {
            const name = STATUS_TEXT[s]?.name;
            if (name && !op.responses[s]) op.responses[s] = { $ref: `#/components/responses/${name}` };
          }
          if (op.operationId) seen.set(op.operationId, [...(seen.get(op.operationId) ?? []), op]);
        }
      }
      for (const same of seen.values()) {
        if (same.length < 2) continue;
        for (const op of same) {
          const [m = 'get', u = ''] = (op['x-sifa-route'] ?? '').split(' ');
          op.operationId = spelledOut(m, u);
        }
      }
      for (const ops of Object.values(doc.paths ?? {})) for (const op of Object.values(ops)) delete op['x-sifa-route'];
      const out: Record<string, unknown> = {
        ...(openapiObject as object),
        // relative to where the document is read from: the same server
        servers: [{ url: '/', description: '本服务 (文档所在地址)' }],
        components: {
          ...doc.components,
          schemas: { ...(doc.components?.schemas as object), Error: errorBody },
          responses: errorResponses(),
        },
      };
      return out;
    },
  });
  await app.register(async (child) => {
    markPublic(child);
    await child.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  });
}
