import { resolve } from 'node:path';

/** Everything the platform reads from its environment (README "Configuration"). */
export interface AppConfig {
  host: string;
  port: number;
  /** PostgreSQL server; when absent the embedded database under `dataDir` is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Four-digit city division code whose divisions and units are loaded (3607 = 赣州市). */
  city: string;
  seedDemo: boolean;
  demoPassword: string;
  secureCookie: boolean;
  sessionIdleMinutes: number;
  loginRatePerMinute: number;
  rateLimitPerMinute: number;
  logLevel: string;
  /** Built console; served at / when present. */
  webDist: string;
}

export const DEFAULT_DEMO_PASSWORD = 'Sifa@2026';

const int = (name: string, v: string | undefined, dflt: number) => {
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`环境变量 ${name} 应为非负整数，而不是 “${v}”`);
  return n;
};
const bool = (v: string | undefined, dflt: boolean) => (v === undefined || v === '' ? dflt : !['0', 'false', 'no', 'off'].includes(v.toLowerCase()));

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = int('PORT', env.PORT, 8080);
  if (port > 65535) throw new Error(`环境变量 PORT 超出范围：${port}`);
  return {
    host: env.HOST || '127.0.0.1',
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.SIFA_DATA_DIR || 'data'),
    city: env.SIFA_CITY || '3607',
    seedDemo: bool(env.SIFA_SEED_DEMO, true),
    demoPassword: env.SIFA_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
    secureCookie: bool(env.SIFA_COOKIE_SECURE, false),
    sessionIdleMinutes: int('SIFA_SESSION_IDLE_MINUTES', env.SIFA_SESSION_IDLE_MINUTES, 30),
    loginRatePerMinute: int('SIFA_LOGIN_RATE_PER_MINUTE', env.SIFA_LOGIN_RATE_PER_MINUTE, 20),
    rateLimitPerMinute: int('SIFA_RATE_LIMIT_PER_MINUTE', env.SIFA_RATE_LIMIT_PER_MINUTE, 1200),
    logLevel: env.LOG_LEVEL || 'info',
    webDist: resolve(env.SIFA_WEB_DIST || new URL('../../web/dist', import.meta.url).pathname),
  };
}
