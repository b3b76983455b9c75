import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors';
import type { PartyInput } from '../shared/identity';
import { fieldCryptoSpec, type FieldCrypto } from './crypto';
import { contactColumns, identityKey, newPartyRow, prepare } from './party-input';
import type { NewParty, UnitContact } from './party.repository';

/** One input of an import checked: its identity and stored forms (and its new row, if encrypted here), or why not. */
export type Prepared =
  | { input: PartyInput; p: ReturnType<typeof prepare>; key: string; row?: NewParty; contact?: UnitContact }
  | { input: PartyInput; problem: string };

/**
 * Checks one input and, when `encrypt(key)` says its identity is not yet planned, builds its encrypted row
 * (a new party id) and the encrypted phone given with it — the CPU-heavy part of registering parties in bulk: checks, blind
 * indexes, SM4.
 */
export function prepareOne(pii: FieldCrypto, input: PartyInput, unitId: string, userId: string | null, encrypt: (key: string) => boolean): Prepared {
  try {
    const p = prepare(pii, input);
    const key = identityKey(p.identity);
    return {
      input,
      p,
      key,
      ...(encrypt(key) ? { row: newPartyRow(pii, randomUUID(), input, p, unitId, userId) } : {}),
      // the phone as the matter (and a new record of the unit) keeps it
      ...(p.phone ? { contact: contactColumns(pii, key, p.phone) } : {}),
    };
  } catch (e) {
    return { input, problem: e instanceof AppError ? e.message : String(e) };
  }
}

export interface WorkerSetup {
  spec: NonNullable<ReturnType<typeof fieldCryptoSpec>>;
  unitId: string;
  userId: string | null;
}

/**
 * A worker thread that prepares an import's parties (party-prepare-worker.ts), so that on the embedded engine —
 * where the database runs on the main thread — the next round is checked and encrypted while the last one is
 * written. It remembers the identities it has encrypted across rounds. `close` ends it.
 */
export function prepareInWorker(pii: FieldCrypto, unitId: string, userId: string | null) {
  const spec = fieldCryptoSpec(pii);
  if (!spec) throw new Error('prepareInWorker: this FieldCrypto was not made by createFieldCrypto');
  const setup: WorkerSetup = { spec, unitId, userId };
  // The platform runs its TypeScript through tsx (scripts/start.mjs, npm test, npm run bench); so does the worker.
  const worker = new Worker(new URL('./party-prepare-worker.mjs', import.meta.url), { workerData: setup });
  worker.unref();
  let next = 0;
  const waiting = new Map<number, { resolve: (out: Prepared[]) => void; reject: (e: unknown) => void }>();
  const failAll = (e: unknown) => {
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  worker.on('message', (m: { id: number; out: Prepared[] }) => {
    waiting.get(m.id)?.resolve(m.out);
    waiting.delete(m.id);
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`party-prepare worker exited (${String(code)})`)));
  return {
    prepare(inputs: readonly PartyInput[]): Promise<Prepared[]> {
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, inputs });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
