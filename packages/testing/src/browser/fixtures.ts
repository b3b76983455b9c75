import { notifyUser } from '@sifa/kernel';
import type { TestServer } from '../server';
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

/** A unit's id by its name (fixtures made through the API name their unit). */
export async function orgIdOf(server: TestServer, name: string): Promise<string> {
  return (await server.engine.db.selectFrom('kernel.orgs').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}

/** An account's id by its user name. */
export async function userIdOf(server: TestServer, username: string): Promise<string> {
  const db = server.engine.db;
  return (await db.selectFrom('kernel.users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

/** An in-app notification for `username` that links to the matter. */
export async function notifyAbout(server: TestServer, username: string, matter: MatterFixture, title: string): Promise<void> {
  await notifyUser(server.engine.db, {
    userId: await userIdOf(server, username),
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
