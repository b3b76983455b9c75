import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { queueSms } from '../notifications/sms';
import type { Matter } from '../shared/matters';
import { chinaDay } from '../shared/china-time';
import type { CitizenSmsEvent, WorkflowDefinition } from '../shared/workflow';
import { renderSms, rolesHolding, workbenchRuntime, workOf } from './runtime';

/** A new matter's (or an import's) arrival in a unit, as the holders of its work are told of it. */
export interface Arrival {
  wf: WorkflowDefinition;
  orgId: string;
  /** who brought it (not told of their own registration) */
  actorId: string;
  title: string;
  body: string;
  link: string;
}

/**
 * Tells the staff who hold a new matter's work (ADR 0023): the active accounts of the matter's unit whose roles
 * grant the permission the workflow declares for its first status — or, when the unit has none, of the nearest unit
 * above it that has. One notification each, in the caller's transaction; the bell asks every few seconds.
 * Returns how many were told.
 */
export async function tellHolders(trx: Kysely<Database>, a: Arrival): Promise<number> {
  const rt = workbenchRuntime();
  const work = rt && workOf(a.wf, a.wf.initial);
  if (!rt || !work) return 0;
  const roles = rolesHolding(rt.modules(), work.permission);
  if (roles.length === 0) return 0;
  const r = await sql<{ n: number }>`
    with unit as (
      select u.org_id from kernel.users u join kernel.orgs o on o.id = u.org_id
      where u.active and u.roles && ${roles}::text[]
        and u.org_id = any(string_to_array(trim(both '/' from (select path from kernel.orgs where id = ${a.orgId}::uuid)), '/')::uuid[])
      order by o.depth desc limit 1
    ), told as (
      insert into kernel.notifications (id, user_id, title, body, link)
      select gen_random_uuid(), u.id, ${a.title}, ${a.body}, ${a.link} from kernel.users u
      where u.org_id = (select org_id from unit) and u.active and u.roles && ${roles}::text[] and u.id <> ${a.actorId}::uuid
      returning 1
    )
    select count(*)::int as n from told`.execute(trx);
  return r.rows[0]?.n ?? 0;
}

const aad = (matterId: string) => `kernel.matter_subscribers.phone:${matterId}`;

/**
 * A citizen who applied is told of the matter by SMS: the phone is kept (encrypted) with the matter, and the
 * receipt with its number is queued in the registration's transaction.
 */
export async function subscribeCitizen(trx: Kysely<Database>, matter: Matter, phone: string, maskedPhone: string): Promise<void> {
  const rt = workbenchRuntime();
  if (!rt) return;
  await trx
    .insertInto('kernel.matterSubscribers')
    .values({ matterId: matter.id, phoneCipher: rt.crypto.encrypt(phone, aad(matter.id)), phoneMasked: maskedPhone })
    .execute();
  const text = renderSms('receipt', { number: matter.number, title: matter.title, unit: matter.orgName, date: chinaDay(new Date(matter.openedAt)) });
  await queueSms(trx, rt.crypto, { phone, text, purpose: 'matter.receipt' });
}

/** The status change of a matter a citizen follows, by SMS through the outbox, in the action's transaction. */
export async function textCitizen(trx: Kysely<Database>, wf: WorkflowDefinition, matter: Matter, event: CitizenSmsEvent, now: Date): Promise<boolean> {
  const rt = workbenchRuntime();
  if (!rt) return false;
  const sub = await trx.selectFrom('kernel.matterSubscribers').select('phoneCipher').where('matterId', '=', matter.id).executeTakeFirst();
  if (!sub) return false;
  const status = (wf.labels.statuses as Record<string, { zh: string } | undefined>)[matter.status]?.zh ?? matter.status;
  const text = renderSms(event, { number: matter.number, title: matter.title, unit: matter.orgName, status, date: chinaDay(now) });
  await queueSms(trx, rt.crypto, { phone: rt.crypto.decrypt(sub.phoneCipher, aad(matter.id)), text, purpose: `matter.${event}` });
  return true;
}
