import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { tellHolders } from '../workbench/tell';
import { appendAudit } from '../audit/audit';
import { breather } from '../db/breather';
import { bulkInsert } from '../db/bulk';
import { runsOnThisThread } from '../db/engine';
import type { Database } from '../db/schema';
import { AppError, notFound } from '../errors';
import type { Ctx } from '../http/types';
import { findOrg } from '../orgs/org.repository';
import type { FieldCrypto } from '../parties/crypto';
import { partyPlanner } from '../parties/party-bulk';
import { chinaYear } from '../shared/china-time';
import type { PartyInput } from '../shared/identity';
import type { Matter } from '../shared/matters';
import type { WorkflowDefinition } from '../shared/workflow';
import { takeNumbers } from './numbering';

export interface BulkMatterItem {
  title: string;
  data?: Record<string, unknown>;
  parties: readonly { role: string; party: PartyInput }[];
}

/** Per item: the matter opened, or what is wrong with the item (nothing of it is written). */
export type BulkMatterResult = { ok: true; matter: Matter } | { ok: false; problems: string[] };

/** An input the caller checks itself, round by round (`check`): the item to open, or why it cannot be. */
export type BulkCheck<T> = (input: T, index: number) => BulkMatterItem | { problems: string[] };

/** Items opened per round: their parties resolved, numbers taken and rows written together. */
export const BULK_CHUNK = 5000;

/**
 * Where each round ends. Nothing is written while the first round is checked, and nothing overlaps the last round's
 * writing, so a long import starts and ends with small rounds (a fifth, then two fifths of `chunk`) and spreads
 * the rest evenly over full-size ones; a short import, or a caller's own `chunk`, takes rounds of `chunk`.
 */
export function roundEnds(n: number, chunk: number, ramp: boolean): number[] {
  const small = Math.max(1, Math.floor(chunk / 5));
  const half = Math.max(1, Math.floor((2 * chunk) / 5));
  const middle = n - 2 * (small + half);
  const sizes: number[] = [];
  if (ramp && middle >= chunk) {
    const full = Math.ceil(middle / chunk);
    const each = Math.floor(middle / full);
    sizes.push(small, half, ...Array.from({ length: full }, (_, i) => each + (i < middle - each * full ? 1 : 0)), half, small);
  } else for (let left = n; left > 0; left -= chunk) sizes.push(Math.min(chunk, left));
  let end = 0;
  return sizes.map((s) => (end += s));
}

/**
 * Opens many matters of one unit in one transaction — an import — in rounds of 5,000 items: each round's parties
 * are found or inserted (party-bulk.ts), its numbers taken as one block, its matters, opening actions and party
 * roles written with `bulkInsert`, and `within` writes the module's rows for them. While one round is being
 * written, the next one is checked and encrypted in Node, so on PostgreSQL the server and Node work at the same
 * time. With `check`, the inputs are the caller's raw rows, checked the same way one round ahead — so on
 * PostgreSQL the first round is written while the rest are still being checked. One audit entry covers the whole
 * import (`summary` says what it was, e.g. the file). An item whose party cannot be registered, or that `check`
 * refuses, is reported and skipped; the others are opened.
 */
export async function openMattersBulk<T = BulkMatterItem>(
  ctx: Ctx & { pii: FieldCrypto },
  wf: WorkflowDefinition,
  input: { orgId: string; items: readonly T[]; check?: BulkCheck<T>; audit: Record<string, unknown>; chunk?: number },
  within: (trx: Kysely<Database>, opened: readonly { index: number; matter: Matter }[]) => Promise<void>,
): Promise<BulkMatterResult[]> {
  const CHUNK = input.chunk ?? BULK_CHUNK;
  const check: BulkCheck<T> = input.check ?? ((x) => x as BulkMatterItem);
  return ctx.db.transaction().execute(async (trx) => {
    const org = await findOrg(trx, ctx.scope, input.orgId);
    if (!org) throw notFound('承办单位');
    if (!org.active) throw new AppError('ORG_INACTIVE', { name: org.name });
    // One moment for the whole import: the numbers' year is the year the matters are opened in.
    const at = ctx.now;
    const now = at.toISOString();
    const year = chinaYear(at);
    const results: BulkMatterResult[] = [];
    const numbers: string[] = [];
    // the items `check` accepted, by index; the refused ones have their result already
    const items: BulkMatterItem[] = [];
    let invalid = 0;
    // On the embedded engine the database runs on this thread: with more than one round, the parties of the next
    // are prepared in a worker thread while the last is written. On PostgreSQL the server works apart already.
    const embedded = runsOnThisThread(ctx.db);
    const planner = partyPlanner(ctx, trx, org.id, { worker: input.items.length > CHUNK && embedded });
    try {
      // On PostgreSQL the checks let the writing's answers through every few milliseconds (db/breather.ts); on the
      // embedded engine that would only put the writing between them, and the worker's part after it.
      const breathe = breather(embedded ? Infinity : undefined);
      const ends = roundEnds(input.items.length, CHUNK, input.chunk === undefined);
      const flatOf = async (start: number, end: number) => {
        const flat: { index: number; role: string; party: PartyInput }[] = [];
        for (let i = start; i < end; i++) {
          const pause = breathe();
          if (pause) await pause;
          const c = check(input.items[i] as T, i);
          if ('problems' in c) {
            results[i] = { ok: false, problems: c.problems };
            invalid++;
            continue;
          }
          items[i] = c;
          for (const p of c.parties) flat.push({ index: i, role: p.role, party: p.party });
        }
        return flat;
      };
      let flat = await flatOf(0, ends[0] ?? 0);
      let prepared = await planner.prepare(flat.map((f) => f.party));
      let looking = planner.lookup(prepared);
      let writing: Promise<void> = Promise.resolve();
      for (let round = 0, start = 0; round < ends.length; start = ends[round] ?? 0, round++) {
        await writing;
        await looking;
        const planned = planner.resolve(prepared);
        const problems = new Map<number, string[]>();
        planned.forEach((p, i) => {
          const f = flat[i];
          if (!p.ok && f) problems.set(f.index, [...(problems.get(f.index) ?? []), `当事人“${f.party.name}”：${p.problem}`]);
        });
        const end = ends[round] ?? start;
        const keep = Array.from({ length: end - start }, (_, k) => start + k).filter((i) => items[i] && !problems.has(i));
        const taken = keep.length > 0 ? await takeNumbers(trx, wf.module, org.path, year, wf.number, keep.length) : [];
        const opened = keep.map((index, k) => {
          const n = taken[k];
          if (!n) throw new Error('取号数量不足');
          const item = items[index] as BulkMatterItem;
          const matter: Matter = {
            id: randomUUID(),
            module: wf.module,
            kind: wf.kind,
            number: n.number,
            orgId: org.id,
            orgName: org.name,
            status: wf.initial,
            title: item.title,
            outcome: null,
            version: 1,
            openedAt: now,
            closedAt: null,
          };
          numbers.push(n.number);
          return { index, matter, seq: n.seq, item };
        });
        for (let i = start; i < end; i++) if (items[i]) results[i] = { ok: false, problems: problems.get(i) ?? [] };
        for (const o of opened) results[o.index] = { ok: true, matter: o.matter };
        const used = new Set<string>();
        // the matters are new, so a role can clash only with itself (one party named twice in one role of an item)
        const roles = new Map<string, unknown[]>();
        const matterOf = new Map(opened.map((o) => [o.index, o.matter.id]));
        flat.forEach((f, i) => {
          const p = planned[i];
          const matterId = matterOf.get(f.index);
          if (!p?.ok || !matterId) return;
          used.add(p.id);
          // the phone given stays with the matter (issue #11 item 3)
          const key = `${matterId} ${p.id} ${f.role}`;
          if (!roles.has(key)) roles.set(key, [matterId, p.id, f.role, p.contact.phoneCipher, p.contact.phoneIndex, p.contact.phoneMasked]);
        });
        writing = (async () => {
          await planner.write(used);
          await bulkInsert(
            trx,
            'kernel.matters',
            MATTER_COLUMNS,
            opened.map((o) => [o.matter.id, wf.module, wf.kind, o.matter.number, year, o.seq, org.id, wf.initial, o.matter.title, ctx.user.id, now]),
          );
          await bulkInsert(
            trx,
            'kernel.matter_actions',
            ACTION_COLUMNS,
            opened.map((o) => [o.matter.id, 'register', wf.initial, ctx.user.id, ctx.user.displayName, JSON.stringify(o.item.data ?? {}), now]),
          );
          await bulkInsert(trx, 'kernel.matter_parties', ROLE_COLUMNS, [...roles.values()]);
          await within(trx, opened);
        })();
        // awaited at the top of the next round (or below); a failure meanwhile must not go unhandled
        writing.catch(() => undefined);
        if (end < input.items.length) {
          flat = await flatOf(end, ends[round + 1] ?? end);
          prepared = await planner.prepare(flat.map((f) => f.party));
          // the registered identities of the next round, asked now: the query waits its turn behind the writing
          looking = planner.lookup(prepared);
          looking.catch(() => undefined);
        }
      }
      await writing;
    } finally {
      await planner.close();
    }
    const parties = planner.totals();
    // the holders of the new work in the unit are told once per import, not once per row (ADR 0023)
    if (numbers.length > 0)
      await tellHolders(trx, {
        wf,
        orgId: org.id,
        actorId: ctx.user.id,
        title: `导入 ${String(numbers.length)} 件新事项`,
        body: `${org.name}：${numbers[0] ?? ''}${numbers.length > 1 ? ` 至 ${numbers.at(-1) ?? ''}` : ''}${typeof input.audit.file === 'string' ? `（文件“${input.audit.file}”）` : ''}`,
        link: '/workbench/accept',
      });
    await appendAudit(trx, ctx.actor, {
      action: `${wf.module}.${wf.kind}.import`,
      targetType: 'org',
      targetId: org.id,
      summary: {
        ...input.audit,
        org: org.name,
        items: input.items.length,
        ...(input.check ? { invalid } : {}),
        opened: numbers.length,
        refused: input.items.length - numbers.length,
        first: numbers[0] ?? null,
        last: numbers.at(-1) ?? null,
        partiesCreated: parties.created,
        partiesRecognised: parties.recognised,
      },
    });
    return results;
  });
}

const MATTER_COLUMNS = [
  { name: 'id', type: 'uuid' },
  { name: 'module', type: 'text' },
  { name: 'kind', type: 'text' },
  { name: 'number', type: 'text' },
  { name: 'year', type: 'int' },
  { name: 'seq', type: 'int' },
  { name: 'org_id', type: 'uuid' },
  { name: 'status', type: 'text' },
  { name: 'title', type: 'text' },
  { name: 'created_by', type: 'uuid' },
  { name: 'opened_at', type: 'timestamptz' },
] as const;

const ACTION_COLUMNS = [
  { name: 'matter_id', type: 'uuid' },
  { name: 'action', type: 'text' },
  { name: 'to_status', type: 'text' },
  { name: 'actor_id', type: 'uuid' },
  { name: 'actor_name', type: 'text' },
  { name: 'data', type: 'jsonb' },
  { name: 'at', type: 'timestamptz' },
] as const;

const ROLE_COLUMNS = [
  { name: 'matter_id', type: 'uuid' },
  { name: 'party_id', type: 'uuid' },
  { name: 'role', type: 'text' },
  { name: 'phone_cipher', type: 'text' },
  { name: 'phone_index', type: 'text' },
  { name: 'phone_masked', type: 'text' },
] as const;
