import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, errorMessage, type ErrorCode } from '@sifa/kernel';

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
};

/** Every failure leaves as `{ code, message, details }` in the request's locale; 5xx carry the request id only. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const locale = req.locale;
    if (err instanceof AppError) {
      return reply.code(err.status).send({ code: err.code, message: err.localized(locale), details: err.details });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const details = err.validation.map((v) => ({ field: v.instancePath.replace(/^\//, '').replace(/\//g, '.') || where, message: v.message }));
      const first = details[0];
      const firstText = first ? `${first.field}：${first.message}` : '';
      return reply.code(400).send({ code: 'VALIDATION_FAILED', message: errorMessage('VALIDATION_FAILED', locale, { first: firstText }), details });
    }
    if (err.statusCode === 429) {
      const after = (err as FastifyError & { after?: string }).after ?? '1 minute';
      return reply.code(429).send({ code: 'RATE_LIMITED', message: errorMessage('RATE_LIMITED', locale, { after: locale === 'zh' ? after.replace('minute', '分钟').replace('second', '秒') : after }) });
    }
    const mapped = FASTIFY_CODES[err.code];
    if (mapped) return reply.code(err.statusCode ?? 400).send({ code: mapped, message: errorMessage(mapped, locale) });
    if (!isResponseSerializationError(err) && err.statusCode && err.statusCode < 500) {
      return reply.code(err.statusCode).send({ code: 'BAD_REQUEST', message: errorMessage('BAD_REQUEST', locale, { reason: err.message }) });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send({ code: 'INTERNAL', message: errorMessage('INTERNAL', locale, { requestId: req.id }) });
  });
}
