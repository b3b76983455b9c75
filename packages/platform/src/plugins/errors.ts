import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, errorMessage, formatBytes, type ErrorCode } from '@sifa/kernel';

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
};

const zodEn = z.locales.en();

/**
 * The English of a validation issue: Zod's own English for its standard checks; the schema's Chinese text
 * stays in `details` for custom rules (they say more than "Invalid input").
 */
function englishOf(v: { keyword: string; message: string; params: Record<string, unknown> }): string {
  if (v.keyword === 'custom') return 'Invalid input';
  try {
    const r = zodEn.localeError({ ...v.params, code: v.keyword, input: undefined } as unknown as Parameters<typeof zodEn.localeError>[0]);
    const text = typeof r === 'string' ? r : r?.message;
    return text && !/[\u4e00-\u9fff]/.test(text) ? text : 'Invalid input';
  } catch {
    return 'Invalid input';
  }
}

/** How long the rest of a refused upload is read and dropped before its connection ends. */
const LINGER_MS = 2_000;

/**
 * A lingering close, as Apache and nginx do it: the answer goes out, the write side closes, what the client still
 * sends is read and dropped for a moment, then the connection ends. Closing at once with unread data would reset the
 * connection, and the client could lose the answer it was about to read.
 */
function lingerThenClose(socket: Socket) {
  socket.destroySoon = function linger(this: Socket) {
    this.end();
    this.resume();
    setTimeout(() => this.destroy(), LINGER_MS).unref();
  };
}

/** Every failure leaves as `{ code, message, details }` in the request's locale; 5xx carry the request id only. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const locale = req.locale;
    // A refusal for size comes while the client may still be sending: closing the connection after the answer
    // makes the browser stop and show it at once, rather than upload the rest first (issue #13 item 8).
    if ((err instanceof AppError ? err.status : err.statusCode) === 413) {
      reply.header('connection', 'close');
      lingerThenClose(req.raw.socket);
    }
    if (err instanceof AppError) {
      return reply.code(err.status).send({ code: err.code, message: err.localized(locale), details: err.details });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const details = err.validation.map((v) => ({
        field: v.instancePath.replace(/^\//, '').replace(/\//g, '.') || where,
        message: locale === 'en' ? englishOf({ keyword: v.keyword, message: v.message ?? '', params: v.params }) : (v.message ?? ''),
        ...(locale === 'en' ? { messageZh: v.message } : {}),
      }));
      const first = details[0];
      const firstText = first ? `${first.field}${locale === 'en' ? ': ' : '：'}${first.message}` : '';
      return reply.code(400).send({ code: 'VALIDATION_FAILED', message: errorMessage('VALIDATION_FAILED', locale, { first: firstText }), details });
    }
    if (err.statusCode === 429) {
      const after = (err as FastifyError & { after?: string }).after ?? '1 minute';
      return reply.code(429).send({
        code: 'RATE_LIMITED',
        message: errorMessage('RATE_LIMITED', locale, { after: locale === 'zh' ? after.replace('minute', '分钟').replace('second', '秒') : after }),
      });
    }
    const mapped = FASTIFY_CODES[err.code];
    if (mapped) {
      // The body limit in force for this route (app.ts sets the default), named in the answer.
      const limit = formatBytes(req.routeOptions.bodyLimit);
      return reply
        .code(err.statusCode ?? 400)
        .send({ code: mapped, message: errorMessage(mapped, locale, { reason: locale === 'en' ? 'see the request' : '请检查请求', limit }) });
    }
    if (!isResponseSerializationError(err) && err.statusCode && err.statusCode < 500) {
      // Framework messages are English and technical: the log keeps them, the answer says what to do.
      req.log.info({ err }, 'request refused');
      return reply
        .code(err.statusCode)
        .send({ code: 'BAD_REQUEST', message: errorMessage('BAD_REQUEST', locale, { reason: locale === 'en' ? err.message : '请检查提交的内容和格式' }) });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send({ code: 'INTERNAL', message: errorMessage('INTERNAL', locale, { requestId: req.id }) });
  });
}
