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

/** The code in the latest one-time-code SMS the citizen's phone received (the test server's SMS provider), waiting for it to arrive. */
export async function lastSmsCode(server: TestServer): Promise<string> {
  const codeOf = () => {
    const sms = server.sms.findLast((m) => /验证码为 \d{6}/.test(m.text));
    return sms ? /验证码为 (\d{6})/.exec(sms.text)?.[1] : undefined;
  };
  for (let waited = 0; waited < 15_000; waited += 100) {
    const code = codeOf();
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no one-time code reached the phone in 15 s (${String(server.sms.length)} messages sent)`);
}
