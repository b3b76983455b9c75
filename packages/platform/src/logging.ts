import { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import pinoPretty from 'pino-pretty';

/**
 * How the server writes its log (issue #13 item 10): one JSON object a line for log collectors (the default when
 * stdout is not a terminal, or SIFA_LOG_FORMAT=json), or one readable line per event on a terminal
 * (SIFA_LOG_FORMAT=pretty, the default when stdout is a terminal).
 */
export type LogFormat = 'json' | 'pretty';

export function logFormatOf(raw: string | undefined, isTTY: boolean | undefined): LogFormat {
  const v = raw?.trim().toLowerCase() ?? '';
  if (v === '') return isTTY ? 'pretty' : 'json';
  if (v === 'json' || v === 'pretty') return v;
  throw new Error(`环境变量 SIFA_LOG_FORMAT 应为 json (结构化日志，供日志采集) 或 pretty (终端可读)，而不是 “${raw ?? ''}”`);
}

/** Query strings can carry personal data (?q=<ID number>, ?phone=): logs keep the path only. */
const pathOnly = (url: string) => url.split('?')[0] ?? '';

/** The logger options of a configuration; `destination` replaces stdout (tests read what was written). */
export function loggerOptionsOf(config: { logLevel: string; logFormat?: LogFormat | undefined }, destination?: NodeJS.WritableStream) {
  const options: Exclude<FastifyServerOptions['logger'], boolean | undefined> & { stream?: NodeJS.WritableStream } = {
    level: config.logLevel,
    serializers: {
      req: (req: { method: string; url: string; ip?: string; id?: string }) => ({ method: req.method, url: pathOnly(req.url), ip: req.ip, id: req.id }),
    },
  };
  if (config.logFormat === 'pretty') {
    options.stream = pinoPretty({
      ...(destination ? { destination } : {}),
      colorize: destination ? false : process.stdout.isTTY,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,reqId',
      singleLine: true,
      sync: true,
    });
  } else if (destination) {
    options.stream = destination;
  }
  return options;
}

/** Fastify's own request entries: on in JSON, off in the readable format (registerReadableRequestLog writes one line instead). */
export const requestLoggingOf = (format: LogFormat | undefined) =>
  format === 'pretty' ? { logController: new LogController({ disableRequestLogging: true }) } : {};

/**
 * On a terminal, one line per answered request (`GET /api/todos 200 12 ms`) instead of Fastify's two JSON-shaped
 * entries ("incoming request" and "request completed"), which `buildApp` turns off in this format.
 */
export function registerReadableRequestLog(app: FastifyInstance) {
  app.addHook('onResponse', (req, reply, done) => {
    const ms = Math.round(reply.elapsedTime);
    const line = `${req.method} ${pathOnly(req.url)} ${String(reply.statusCode)} ${String(ms)} ms`;
    if (reply.statusCode >= 500) req.log.error(line);
    else req.log.info(line);
    done();
  });
}
