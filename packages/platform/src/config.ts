import { resolve } from 'node:path';
import { DEFAULT_WORKER_SETTINGS } from '@sifa/kernel';
import { logFormatOf, type LogFormat } from './logging';

/** Everything the platform reads from its environment (README "Configuration"). */
export interface AppConfig {
  host: string;
  port: number;
  /** PostgreSQL server; when absent the embedded database under `dataDir` is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** SIFA_DATA_KEY: 64 hex characters encrypting personal data; required with DATABASE_URL (else kept in dataDir). */
  dataKey: string | undefined;
  /** Four-digit city division code whose divisions and units are loaded (3607 = 赣州市). */
  city: string;
  seedDemo: boolean;
  /** How many demo disputes (and similar records of other modules) a first demo start generates. */
  demoSize: number;
  demoPassword: string;
  secureCookie: boolean;
  sessionIdleMinutes: number;
  loginRatePerMinute: number;
  rateLimitPerMinute: number;
  /**
   * SIFA_TRUST_PROXY: the reverse proxy whose X-Forwarded-For is believed, so rate limits, lockouts and the audit
   * log see the citizen's address, not the proxy's. Empty (default): none, the socket address counts. Otherwise
   * comma-separated addresses/CIDRs of the proxies (e.g. `127.0.0.1,10.0.0.0/8`), or a number of hops. Never
   * `true`: anyone could then choose their own address by sending the header (docs/operations.md).
   */
  trustProxy: string[] | number | false;
  /**
   * SIFA_MFA_ROLES: who must sign in with a second factor (TOTP). `all` (default, GB/T 22239-2019 level 3),
   * `none`, or comma-separated role codes (e.g. `platform-admin,security-admin,audit-admin`). Demo accounts are
   * exempt (README); an account that enrolled is always asked.
   */
  mfaRoles: 'all' | string[];
  logLevel: string;
  /** SIFA_LOG_FORMAT: `json` (one object a line) or `pretty` (readable); default pretty when stdout is a terminal. Absent: json. */
  logFormat?: LogFormat;
  /** SMS provider endpoint (HTTP POST {phone, text}); without it messages go to the outbox table and the log. */
  smsUrl: string | undefined;
  smsToken: string | undefined;
  /** Run background jobs in this process (deadline sweeps, SMS); a deployment may keep them to some processes. */
  runJobs: boolean;
  /** SIFA_AUDIT_ANCHOR_FILE: the SM2-signed head of the audit chain (default `<dataDir>/audit-anchor.json`; required with DATABASE_URL). */
  auditAnchorFile: string | undefined;
  /** SIFA_AUDIT_SIGNING_KEY: the anchor's SM2 private key as PEM text (`\n` may stand for line breaks). */
  auditSigningKey: string | undefined;
  /** SIFA_AUDIT_SIGNING_KEY_FILE: the same in a file outside the data directory, mode 0600 (ADR 0019). */
  auditSigningKeyFile: string | undefined;
  /** SIFA_AUDIT_PUBLIC_KEY_FILE: the public half, for `audit:verify` where the private key is not at hand. */
  auditPublicKeyFile: string | undefined;
  /** NODE_ENV=production: never a generated development key, whatever else is set. */
  production: boolean;
  /** Built console; served at / when present. Default: the repository's apps/web/dist (a path, not an import). */
  webDist: string;
  /**
   * SIFA_PUBLIC_URL: the address citizens reach (behind the proxy, e.g. https://sifa.example.gov.cn); QR codes
   * on issued documents point to `<publicUrl>/verify/<code>`. Default `http://<HOST>:<PORT>` — set it in production.
   */
  publicUrl: string;
  /** SIFA_FILES_DIR: attachments and issued PDFs; default `<dataDir>/files` (embedded) or `./data/files`. */
  filesDir: string | undefined;
  /** SIFA_UPLOAD_MAX_MB: the largest attachment accepted, in MB (default 20). */
  uploadMaxMb: number;
  /** SIFA_PHONE_REVEALS_PER_HOUR: parties' phones one user may reveal in an hour, repeats in a session aside (default 20). */
  phoneRevealsPerHour: number;
  /** SIFA_DEADLINE_RULES: JSON file overriding the configurable ([P]/[M]) fields of deadline rules, e.g. legal-aid review in working days. */
  deadlineRules: string | undefined;
  /** SIFA_SMS_TEMPLATES: a JSON file with the wording of the citizen's SMS per event (ADR 0023); Chinese defaults otherwise. */
  smsTemplates: string | undefined;
  /**
   * SIFA_WORKER_THREADS: threads that read import files and render PDFs off the request thread (default: cores − 1,
   * at least 1, at most 4; 0 runs that work on the request thread — debugging only). ADR 0016.
   */
  workerThreads: number;
  /** SIFA_WORKER_TIMEOUT_SECONDS: one such task still running after this long is stopped and refused (default 120). */
  workerTimeoutSeconds: number;
  /** SIFA_WORKER_HEAP_MB: a worker's heap; a file that needs more ends that worker, not the server (default 1024). */
  workerHeapMb: number;
}

export const DEFAULT_DEMO_PASSWORD = 'Sifa@2026';

const int = (name: string, v: string | undefined, dflt: number) => {
  if (v === undefined || v === '') return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`环境变量 ${name} 应为非负整数，而不是 “${v}”`);
  return n;
};
const bool = (v: string | undefined, dflt: boolean) => (v === undefined || v === '' ? dflt : !['0', 'false', 'no', 'off'].includes(v.toLowerCase()));

function publicUrlOf(raw: string | undefined, host: string, port: number): string {
  const value = raw || `http://${host.includes(':') ? `[${host}]` : host}:${String(port)}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`环境变量 SIFA_PUBLIC_URL 应为完整网址 (如 https://sifa.example.gov.cn)，而不是 “${value}”`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`环境变量 SIFA_PUBLIC_URL 应以 http:// 或 https:// 开头：“${value}”`);
  return value.replace(/\/+$/, '');
}

/** The audit anchor file in force: SIFA_AUDIT_ANCHOR_FILE, else beside the embedded database, else none (PostgreSQL must set it). */
export const anchorFileOf = (c: AppConfig) => c.auditAnchorFile ?? (c.databaseUrl ? undefined : resolve(c.dataDir, 'audit-anchor.json'));

function trustProxyOf(raw: string | undefined): string[] | number | false {
  const v = raw?.trim() ?? '';
  if (v === '' || ['0', 'false', 'no', 'off'].includes(v.toLowerCase())) return false;
  if (/^\d+$/.test(v)) return Number(v);
  if (['true', 'yes', 'on', '*'].includes(v.toLowerCase())) {
    throw new Error(
      '环境变量 SIFA_TRUST_PROXY 不能是 true：那样任何人都可伪造 X-Forwarded-For 冒充他人地址；请写反向代理的地址或网段 (如 127.0.0.1,10.0.0.0/8) 或跳数 (如 1)',
    );
  }
  const list = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = list.find((s) => !/^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(s) && !['loopback', 'linklocal', 'uniquelocal'].includes(s));
  if (bad) throw new Error(`环境变量 SIFA_TRUST_PROXY 中的 “${bad}” 不是 IP 地址或网段 (如 10.0.0.0/8)`);
  return list;
}

function mfaRolesOf(raw: string | undefined): 'all' | string[] {
  const v = raw?.trim().toLowerCase() ?? '';
  if (v === '' || v === 'all') return 'all';
  if (v === 'none') return [];
  const list = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = list.find((r) => !/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)?$/.test(r));
  if (bad) throw new Error(`环境变量 SIFA_MFA_ROLES 应为 all、none 或以逗号分隔的角色代码 (如 platform-admin,security-admin)，“${bad}” 不是角色代码`);
  return list;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = int('PORT', env.PORT, 8080);
  if (port > 65535) throw new Error(`环境变量 PORT 超出范围：${port}`);
  return {
    host: env.HOST || '127.0.0.1',
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.SIFA_DATA_DIR || 'data'),
    dataKey: env.SIFA_DATA_KEY || undefined,
    city: env.SIFA_CITY || '3607',
    seedDemo: bool(env.SIFA_SEED_DEMO, true),
    demoSize: int('SIFA_DEMO_SIZE', env.SIFA_DEMO_SIZE, 3000),
    demoPassword: env.SIFA_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD,
    secureCookie: bool(env.SIFA_COOKIE_SECURE, false),
    sessionIdleMinutes: int('SIFA_SESSION_IDLE_MINUTES', env.SIFA_SESSION_IDLE_MINUTES, 30),
    loginRatePerMinute: int('SIFA_LOGIN_RATE_PER_MINUTE', env.SIFA_LOGIN_RATE_PER_MINUTE, 20),
    rateLimitPerMinute: int('SIFA_RATE_LIMIT_PER_MINUTE', env.SIFA_RATE_LIMIT_PER_MINUTE, 1200),
    trustProxy: trustProxyOf(env.SIFA_TRUST_PROXY),
    mfaRoles: mfaRolesOf(env.SIFA_MFA_ROLES),
    logLevel: env.LOG_LEVEL || 'info',
    logFormat: logFormatOf(env.SIFA_LOG_FORMAT, process.stdout.isTTY),
    smsUrl: env.SIFA_SMS_URL || undefined,
    smsToken: env.SIFA_SMS_TOKEN || undefined,
    runJobs: bool(env.SIFA_RUN_JOBS, true),
    auditAnchorFile: env.SIFA_AUDIT_ANCHOR_FILE ? resolve(env.SIFA_AUDIT_ANCHOR_FILE) : undefined,
    auditSigningKey: env.SIFA_AUDIT_SIGNING_KEY || undefined,
    auditSigningKeyFile: env.SIFA_AUDIT_SIGNING_KEY_FILE ? resolve(env.SIFA_AUDIT_SIGNING_KEY_FILE) : undefined,
    auditPublicKeyFile: env.SIFA_AUDIT_PUBLIC_KEY_FILE ? resolve(env.SIFA_AUDIT_PUBLIC_KEY_FILE) : undefined,
    production: env.NODE_ENV === 'production',
    webDist: resolve(env.SIFA_WEB_DIST || new URL('../../../apps/web/dist', import.meta.url).pathname),
    publicUrl: publicUrlOf(env.SIFA_PUBLIC_URL, env.HOST || '127.0.0.1', port),
    filesDir: env.SIFA_FILES_DIR ? resolve(env.SIFA_FILES_DIR) : undefined,
    uploadMaxMb: int('SIFA_UPLOAD_MAX_MB', env.SIFA_UPLOAD_MAX_MB, 20) || 20,
    phoneRevealsPerHour: int('SIFA_PHONE_REVEALS_PER_HOUR', env.SIFA_PHONE_REVEALS_PER_HOUR, 20) || 20,
    deadlineRules: env.SIFA_DEADLINE_RULES ? resolve(env.SIFA_DEADLINE_RULES) : undefined,
    smsTemplates: env.SIFA_SMS_TEMPLATES ? resolve(env.SIFA_SMS_TEMPLATES) : undefined,
    workerThreads: int('SIFA_WORKER_THREADS', env.SIFA_WORKER_THREADS, DEFAULT_WORKER_SETTINGS.threads),
    workerTimeoutSeconds: int('SIFA_WORKER_TIMEOUT_SECONDS', env.SIFA_WORKER_TIMEOUT_SECONDS, DEFAULT_WORKER_SETTINGS.taskTimeoutMs / 1000) || 120,
    workerHeapMb: int('SIFA_WORKER_HEAP_MB', env.SIFA_WORKER_HEAP_MB, DEFAULT_WORKER_SETTINGS.maxHeapMb) || DEFAULT_WORKER_SETTINGS.maxHeapMb,
  };
}
