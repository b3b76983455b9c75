import { parentPort, workerData } from 'node:worker_threads';
import type { PartyInput } from '../shared/identity';
import { createFieldCrypto } from './crypto';
import { prepareOne, type WorkerSetup } from './party-prepare';

// The worker of prepareInWorker (party-prepare.ts): one import's parties, round by round.
const { spec, unitId, userId } = workerData as WorkerSetup;
const pii = createFieldCrypto(Buffer.from(spec.masterKey), { previousKeys: spec.previousKeys.map((k) => Buffer.from(k)), write: spec.write });
const encrypted = new Set<string>();
const encryptOnce = (key: string) => !encrypted.has(key) && Boolean(encrypted.add(key));

parentPort?.on('message', ({ id, inputs }: { id: number; inputs: PartyInput[] }) => {
  parentPort?.postMessage({ id, out: inputs.map((input) => prepareOne(pii, input, unitId, userId, encryptOnce)) });
});
