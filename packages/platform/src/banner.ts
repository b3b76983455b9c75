import { ROLE_NAMES } from '@sifa/kernel';
import type { AppConfig } from './config';
import type { RunningServer } from './serve';

/** What the banner reads of a running server (a test gives just this). */
export type BannerServer = Pick<RunningServer, 'url' | 'seed' | 'dataKey' | 'auditKey' | 'notices'>;

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0|\[::\])$/;

/**
 * Set SIFA_PUBLIC_URL or the QR codes on issued documents point where a citizen's phone cannot go (the default is
 * the listening address, usually loopback). Returns the warning lines, none when it is set.
 */
export function publicUrlWarning(config: Pick<AppConfig, 'publicUrl'>, env: NodeJS.ProcessEnv): string[] {
  if (env.SIFA_PUBLIC_URL) return [];
  const host = new URL(config.publicUrl).hostname;
  const where = LOOPBACK.test(host) || host === '::1' ? '本机回环地址，群众的手机扫码打不开' : '监听地址，群众未必能访问';
  return [
    `  !! 未设置 SIFA_PUBLIC_URL：文书二维码和短信中的链接将指向 ${config.publicUrl}/verify/… (${where})。`,
    '     请设为群众访问本平台的公网地址，如 SIFA_PUBLIC_URL=https://sifa.example.gov.cn (见 docs/operations.md)。',
    `  !! SIFA_PUBLIC_URL is not set: QR codes on documents will point at ${config.publicUrl}; set it to the public address.`,
  ];
}

/**
 * The text `npm start` prints once the platform listens: where the console, the portal and the API documents are,
 * which database and keys are in use, what needs attention, and the demo accounts.
 */
export function startBanner(server: BannerServer, config: AppConfig, env: NodeJS.ProcessEnv = process.env, extraNotices: string[] = []): string {
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `嵌入式数据库 ${config.dataDir}`;
  const publicSet = Boolean(env.SIFA_PUBLIC_URL) && config.publicUrl !== server.url;
  const lines = [
    '',
    `  Sifa 智慧司法行政平台 已启动 / is running`,
    // the first address keeps its label: scripts and tests read `地址 URL:` for the base address
    `  地址 URL:        ${server.url}  (管理端 console)`,
    `  群众门户 portal: ${server.url}/portal${publicSet ? `  (群众访问 public: ${config.publicUrl}/portal)` : ''}`,
    `  接口文档 API:    ${server.url}/api/docs`,
    `  数据库 database: ${where}`,
    `  数据密钥 key:    ${server.dataKey.source === 'env' ? '环境变量 SIFA_DATA_KEY' : (server.dataKey.file ?? '')}`,
    `  审计锚点 anchor: ${server.auditKey.anchorFile} (SM2 ${server.auditKey.fingerprint}, ${server.auditKey.source === 'env' ? 'SIFA_AUDIT_SIGNING_KEY' : (server.auditKey.keyFile ?? '')})`,
  ];
  const warning = publicUrlWarning(config, env);
  if (warning.length) lines.push('', ...warning);
  if (server.auditKey.source === 'dev') {
    lines.push(
      '',
      `  !! 审计锚点使用${server.auditKey.generated ? '刚生成的' : ''}开发用签名密钥 ${server.auditKey.keyFile ?? ''}：仅供演示。`,
      '     正式部署请用 npm run audit:keygen 生成密钥对，设置 SIFA_AUDIT_SIGNING_KEY_FILE (见 docs/operations.md)。',
      '  !! Development audit signing key: for the demo only; production must set SIFA_AUDIT_SIGNING_KEY_FILE.',
    );
  }
  for (const n of [...server.notices.filter((m) => !m.includes('开发用审计签名密钥')), ...extraNotices]) lines.push('', `  !! ${n.replace(/\n/g, '\n     ')}`);
  if (server.dataKey.generated) {
    lines.push(
      '',
      `  !! 已生成数据加密密钥 ${server.dataKey.file ?? ''}：身份证号、手机号以此加密，丢失则无法恢复。`,
      '     请立即另行备份该文件；正式部署请改用环境变量 SIFA_DATA_KEY，并与数据分开保管。',
      '  !! A new data key was generated: back it up now; production should set SIFA_DATA_KEY.',
    );
  } else if (server.dataKey.source === 'file') {
    lines.push('', '  注意：数据密钥与数据位于同一目录；正式部署请改用环境变量 SIFA_DATA_KEY。');
  }
  if (server.seed.seeded) {
    lines.push('', '  首次启动已建立组织机构和以下账号 / accounts created on first start:');
    for (const a of server.seed.accounts) lines.push(`    ${a.username.padEnd(10)} ${a.password.padEnd(14)} ${ROLE_NAMES[a.role].zh}（${a.unit}）`);
  } else if (config.seedDemo) {
    lines.push(
      '',
      `  演示账号 demo accounts (免二次验证 no second factor): admin security auditor leader city zhanggong ningdu office，口令 password: ${config.demoPassword === env.SIFA_DEMO_PASSWORD ? '(SIFA_DEMO_PASSWORD)' : config.demoPassword}`,
    );
  }
  lines.push('', '  按 Ctrl-C 停止 / press Ctrl-C to stop', '');
  return `${lines.join('\n')}\n`;
}
