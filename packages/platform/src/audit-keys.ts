import { closeSync, linkSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { AuditKeyError, auditPublicKey, auditSigner, generateAuditKeyPair, type AnchorCheck, type AuditPublicKey, type AuditSigner } from '@sifa/kernel';
import { anchorFileOf, type AppConfig } from './config';

/** How the platform signs its audit anchors (ADR 0019). */
export interface AuditAnchoring extends AnchorCheck {
  signer: AuditSigner;
  /** `dev`: a development key made for the demo (never in production), kept in `keyFile`. */
  source: 'env' | 'file' | 'dev';
  keyFile?: string;
  /** The development key was created by this start. */
  generated: boolean;
}

/** The demo's signing key: in the home directory of the account, outside any data directory. */
export const devAuditKeyFile = () => join(homedir(), '.sifa', 'audit-dev-signing-key.pem');

const KEYGEN_HINT =
  '生成密钥对：npm run audit:keygen -- /etc/sifa/audit-signing-key.pem (或 openssl genpkey -algorithm SM2 -out …)，' +
  '再设置 SIFA_AUDIT_SIGNING_KEY_FILE=/etc/sifa/audit-signing-key.pem (或把私钥 PEM 放入环境变量 SIFA_AUDIT_SIGNING_KEY)；见 docs/operations.md';

const inside = (file: string, dir: string) => {
  const r = relative(dir, file);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
};

/** A key file must not lie with the data it protects: whoever can change the data could then re-sign the anchor. */
function keyFileOutsideData(config: AppConfig, file: string, what: string) {
  for (const dir of [config.dataDir, config.filesDir].filter((d): d is string => !!d)) {
    if (inside(file, dir))
      throw new AuditKeyError(`${what} ${file} 位于数据目录 ${dir} 之内：能改动数据的人也就能重签锚点。请把它移到数据目录之外；${KEYGEN_HINT}`);
  }
}

function readKeyFile(config: AppConfig, file: string): string {
  keyFileOutsideData(config, file, '审计签名私钥');
  let mode: number;
  try {
    mode = statSync(file).mode;
  } catch {
    throw new AuditKeyError(`审计签名私钥文件 ${file} (SIFA_AUDIT_SIGNING_KEY_FILE) 不存在；${KEYGEN_HINT}`);
  }
  // mode bits, not access(): as root every file is readable, yet a 0644 key is readable by every account
  if (mode & 0o077)
    throw new AuditKeyError(`审计签名私钥文件 ${file} 可被其他用户读取 (权限 ${(mode & 0o777).toString(8)})，拒绝使用。请执行：chmod 600 '${file}'`);
  return readFileSync(file, 'utf8');
}

/** Writes a key file 0600 exactly once: of two processes creating it at once, both end up reading the same key. */
function createOnce(file: string, text: string): boolean {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const part = `${file}.${process.pid}.part`;
  const fd = openSync(part, 'wx', 0o600);
  writeSync(fd, text);
  closeSync(fd);
  try {
    linkSync(part, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return false;
  } finally {
    rmSync(part, { force: true });
  }
}

/** The configured signing key, or undefined when none is configured. */
function configuredSigner(config: AppConfig): { signer: AuditSigner; source: 'env' | 'file'; keyFile?: string } | undefined {
  if (config.auditSigningKey) return { signer: auditSigner(config.auditSigningKey.replace(/\\n/g, '\n'), '环境变量 SIFA_AUDIT_SIGNING_KEY'), source: 'env' };
  const keyFile = config.auditSigningKeyFile;
  if (keyFile) return { signer: auditSigner(readKeyFile(config, keyFile), `审计签名私钥 ${keyFile}`), source: 'file', keyFile };
  return undefined;
}

/** SIFA_AUDIT_PUBLIC_KEY_FILE, outside the data directory like the private key (whoever replaces it could forge). */
function configuredPublicKey(config: AppConfig): AuditPublicKey | undefined {
  const file = config.auditPublicKeyFile;
  if (!file) return undefined;
  keyFileOutsideData(config, file, '审计签名公钥');
  return auditPublicKey(readFileSync(file, 'utf8'), `审计签名公钥 ${file}`);
}

/**
 * The anchor's signing key and file for a start of the platform. Production (NODE_ENV=production, a PostgreSQL
 * server, or SIFA_SEED_DEMO=false) must provide the key; a demo start on the embedded engine makes a development
 * key in `~/.sifa/` and says so.
 */
export function auditAnchoringOf(config: AppConfig, log: (message: string) => void = () => undefined): AuditAnchoring {
  const file = anchorFileOf(config);
  if (!file) {
    throw new AuditKeyError(
      '使用 PostgreSQL 服务器 (DATABASE_URL) 时必须设置 SIFA_AUDIT_ANCHOR_FILE：审计链头的签名锚点文件，放在数据库之外 (如 /var/lib/sifa/audit-anchor.json)',
    );
  }
  let chosen = configuredSigner(config);
  let generated = false;
  if (!chosen) {
    if (config.production || config.databaseUrl || !config.seedDemo) {
      throw new AuditKeyError(`正式部署须提供审计锚点的 SM2 签名私钥，本进程拒绝启动。${KEYGEN_HINT}`);
    }
    const keyFile = devAuditKeyFile();
    generated = createOnce(keyFile, generateAuditKeyPair().privatePem);
    chosen = { signer: auditSigner(readKeyFile(config, keyFile), `开发用审计签名私钥 ${keyFile}`), source: 'file', keyFile };
    log(
      `${generated ? '已生成' : '使用'}开发用审计签名密钥 ${keyFile} (指纹 ${chosen.signer.publicKey.fingerprint})：仅供演示；` +
        '正式部署须设置 SIFA_AUDIT_SIGNING_KEY_FILE 或 SIFA_AUDIT_SIGNING_KEY (见 docs/operations.md)',
    );
  }
  const publicKey = configuredPublicKey(config) ?? chosen.signer.publicKey;
  if (publicKey.fingerprint !== chosen.signer.publicKey.fingerprint) {
    throw new AuditKeyError(`SIFA_AUDIT_PUBLIC_KEY_FILE 的公钥 (${publicKey.fingerprint}) 与签名私钥 (${chosen.signer.publicKey.fingerprint}) 不是一对`);
  }
  return { file, publicKey, ...chosen, source: generated || chosen.keyFile === devAuditKeyFile() ? 'dev' : chosen.source, generated };
}

/**
 * What `npm run audit:verify` checks the anchor with: the public key (SIFA_AUDIT_PUBLIC_KEY_FILE), else the public
 * half of the configured private key, else of the demo's development key. Never creates a key.
 */
export function auditAnchorCheckOf(config: AppConfig): AnchorCheck {
  const file = anchorFileOf(config);
  if (!file) throw new AuditKeyError('未设置 SIFA_AUDIT_ANCHOR_FILE：无法校验审计锚点 (PostgreSQL 部署必须设置)');
  const publicKey = configuredPublicKey(config) ?? configuredSigner(config)?.signer.publicKey;
  if (publicKey) return { file, publicKey };
  try {
    return { file, publicKey: auditSigner(readKeyFile(config, devAuditKeyFile())).publicKey };
  } catch {
    throw new AuditKeyError(`未配置审计签名公钥：请设置 SIFA_AUDIT_PUBLIC_KEY_FILE (或签名私钥)；${KEYGEN_HINT}`);
  }
}
