import { randomBytes, randomUUID } from 'node:crypto';
import {
  appendAudit,
  cityDivisions,
  sealAudit,
  hashPassword,
  loadDivisions,
  SYSTEM_ACTOR,
  type Engine,
  type ModuleDefinition,
  type OrgRoleCode,
} from '@sifa/kernel';
import type { AppConfig } from '../config';
import { allModules } from '../app';
import { buildOrgTree, insertOrgTree } from './org-tree';

export interface DemoAccount {
  username: string;
  displayName: string;
  role: OrgRoleCode;
  /** Name of the unit, found in the seeded tree. */
  unit: string;
}

/** One account per role; two county accounts so the scope can be seen from both sides. */
export const DEMO_ACCOUNTS = (city: string, [countyA, countyB]: [string, string], office: string): DemoAccount[] => [
  { username: 'admin', displayName: '系统管理员', role: 'platform-admin', unit: `${city}司法局` },
  { username: 'security', displayName: '安全管理员', role: 'security-admin', unit: `${city}司法局` },
  { username: 'auditor', displayName: '安全审计员', role: 'audit-admin', unit: `${city}司法局` },
  { username: 'leader', displayName: '陈局长', role: 'city-leader', unit: `${city}司法局` },
  { username: 'city', displayName: '刘科员', role: 'city-staff', unit: `${city}司法局` },
  { username: 'zhanggong', displayName: '张县局', role: 'county-staff', unit: `${countyA}司法局` },
  { username: 'ningdu', displayName: '黄县局', role: 'county-staff', unit: `${countyB}司法局` },
  { username: 'office', displayName: '赵司法所', role: 'office-staff', unit: office },
];

export interface SeedResult {
  seeded: boolean;
  accounts: { username: string; displayName: string; role: OrgRoleCode; unit: string; password: string }[];
}

/**
 * First start only: loads the city's divisions, builds the unit tree and creates accounts. With demo data
 * the accounts of DEMO_ACCOUNTS share the demo password and sign in without a second factor (`mfa_exempt`, README
 * "Demo accounts"); without, `admin` and `security` (三员分立: the platform admin cannot create a security
 * admin) get random passwords printed once, and enrol their second factor at first sign-in.
 */
export async function seedIfEmpty(engine: Engine, config: AppConfig, modules: readonly ModuleDefinition[]): Promise<SeedResult> {
  const db = engine.db;
  const existing = await db.selectFrom('kernel.orgs').select('id').limit(1).executeTakeFirst();
  if (existing) return { seeded: false, accounts: [] };

  const divisions = cityDivisions(config.city);
  const all = allModules(config, modules);
  const orgs = buildOrgTree(
    divisions,
    all.flatMap((m) => m.seedUnits ?? []),
  );
  const city = divisions.find((d) => d.level === 2)?.name ?? config.city;
  const counties = divisions.filter((d) => d.level === 3).map((d) => d.name);
  const countyA = counties[0] ?? city;
  const countyB = counties.find((c) => c === '宁都县') ?? counties[1] ?? countyA;
  const office = orgs.find((o) => o.kind === 'judicial-office')?.name ?? `${countyA}司法局`;
  const accounts = config.seedDemo
    ? DEMO_ACCOUNTS(city, [countyA, countyB], office).map((a) => ({ ...a, password: config.demoPassword }))
    : [
        {
          username: 'admin',
          displayName: '系统管理员',
          role: 'platform-admin' as const,
          unit: `${city}司法局`,
          password: `${randomBytes(9).toString('base64url')}a1!`,
        },
        {
          username: 'security',
          displayName: '安全管理员',
          role: 'security-admin' as const,
          unit: `${city}司法局`,
          password: `${randomBytes(9).toString('base64url')}a1!`,
        },
      ];
  const hashes = await Promise.all(accounts.map((a) => hashPassword(a.password)));

  await db.transaction().execute(async (trx) => {
    await loadDivisions(trx, divisions);
    await insertOrgTree(trx, orgs);
    const byName = new Map(orgs.map((o) => [o.name, o.id]));
    await trx
      .insertInto('kernel.users')
      .values(
        accounts.map((a, i) => {
          const orgId = byName.get(a.unit);
          const passwordHash = hashes[i];
          if (!orgId || !passwordHash) throw new Error(`演示账号 ${a.username} 的单位“${a.unit}”不在组织树中`);
          // Demo accounts sign in with the shared password alone, so the quick start and the browser tests stay one step.
          return { id: randomUUID(), username: a.username, displayName: a.displayName, passwordHash, orgId, roles: [a.role], mfaExempt: config.seedDemo };
        }),
      )
      .execute();
    await appendAudit(trx, SYSTEM_ACTOR, {
      action: 'kernel.seed',
      summary: { city: config.city, divisions: divisions.length, orgs: orgs.length, accounts: accounts.map((a) => a.username), demo: config.seedDemo },
    });
  });
  if (config.seedDemo && config.demoSize > 0) {
    for (const m of all) await m.seedDemo?.(db, { size: config.demoSize, now: new Date() });
  }
  // the seed's entries are in the hash chain before anyone signs in (ADR 0011)
  await sealAudit(db);
  return { seeded: true, accounts };
}
