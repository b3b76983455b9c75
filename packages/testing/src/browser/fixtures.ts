import { notifyUser, scheduleDeadline } from '@sifa/kernel';
import type { TestServer } from '../server';
import { signInApi } from './staff-api';
import type { Staff } from './staff-api';

export const CITIZEN_PHONE = '13907971234';

export interface MatterFixture {
  id: string;
  number: string;
  /** `zhanggong`, who registered it. */
  staff: Staff;
}

/** `YYYY-MM-DD` in Asia/Shanghai, `days` from today. */
export function shanghaiDay(days = 0): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

async function orgId(server: TestServer, name: string): Promise<string> {
  return (await server.engine.db.selectFrom('kernel.orgs').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}

async function userId(server: TestServer, username: string): Promise<string> {
  const db = server.engine.db;
  return (await db.selectFrom('kernel.users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

/**
 * A neighbour dispute of 章贡区司法局 registered by `zhanggong` through the mediation module, the applicant's phone
 * being CITIZEN_PHONE. With `deadlines`, two judicial-confirmation periods are put on it directly (as the module does
 * when an agreement takes effect): one started 27 days ago (due in about three days: gold), one starting on 20 December
 * (it ends in January of next year, whose holiday schedule is not loaded: the red warning).
 */
export async function createDispute(server: TestServer, opts: { summary: string; deadlines?: boolean }): Promise<MatterFixture> {
  const staff = await signInApi(server.url, 'zhanggong');
  const org = await orgId(server, '章贡区司法局');
  const matter = await staff.json<{ id: string; number: string }>('POST', '/api/mediation/disputes', {
    orgId: org,
    category: 'neighbour',
    source: 'window',
    summary: opts.summary,
    description: '楼上住户夜间噪音扰民，双方多次协商未果，申请人请求调解。',
    parties: [
      {
        kind: 'person',
        name: '王小明',
        idType: 'resident-id',
        idNumber: '11010519491231002X',
        phone: CITIZEN_PHONE,
        role: 'applicant',
      },
      { kind: 'person', name: '李大华', idType: 'resident-id', idNumber: '360702199001011232', role: 'respondent' },
    ],
  });
  if (opts.deadlines) {
    const assigneeId = await userId(server, 'zhanggong');
    const today = shanghaiDay();
    await server.engine.db.transaction().execute(async (trx) => {
      const base = { matterId: matter.id, ruleId: 'mediation.judicial-confirmation', orgId: org, assigneeId, today };
      await scheduleDeadline(trx, { ...base, start: shanghaiDay(-27) });
      await scheduleDeadline(trx, { ...base, start: `${today.slice(0, 4)}-12-20` });
    });
  }
  return { ...matter, staff };
}

/** An in-app notification for `username` that links to the matter. */
export async function notifyAbout(server: TestServer, username: string, matter: MatterFixture, title: string): Promise<void> {
  await notifyUser(server.engine.db, {
    userId: await userId(server, username),
    title,
    body: `${matter.number} 的办理期限即将届满`,
    link: `/matters/${matter.id}`,
  });
}

/** The code in the latest one-time-code SMS, read from the outbox as the default (log) gateway leaves it. */
export async function lastSmsCode(server: TestServer): Promise<string> {
  const sms = await server.engine.db
    .selectFrom('kernel.smsOutbox')
    .select(['text'])
    .where('purpose', '=', 'otp')
    .orderBy('createdAt', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const code = /验证码为 (\d{6})/.exec(sms.text)?.[1];
  if (!code) throw new Error(`no code in the SMS “${sms.text}”`);
  return code;
}
