import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { createFieldCrypto } from './crypto';
import { aad } from './party-input';
import { prepareInWorker, prepareOne } from './party-prepare';

const WANG = { kind: 'person', name: '王小明', idType: 'resident-id', idNumber: '11010519491231002X', phone: '13907971234' } as const;
const UNIT = '00000000-0000-4000-8000-000000000001';

describe('preparing an import’s parties in a worker thread', () => {
  test('gives what the main thread gives: the same checks and indexes, rows the main thread’s key decrypts, each identity encrypted once', async () => {
    const pii = createFieldCrypto(randomBytes(32));
    const worker = prepareInWorker(pii, UNIT, null);
    try {
      const [first, bad] = await worker.prepare([WANG, { ...WANG, idNumber: '110105194912310021' }]);
      const [again] = await worker.prepare([{ ...WANG, phone: undefined }]);
      const local = prepareOne(pii, WANG, UNIT, null, () => true);
      if (!first || !('row' in first) || !first.row || !('p' in local)) throw new Error('expected a prepared row');
      expect(first.key).toBe(local.key);
      expect(first.p).toEqual(local.p);
      expect(pii.decrypt(first.row.idCipher ?? '', aad(first.row.id, 'idNumber'))).toBe('11010519491231002X');
      expect(pii.decrypt(first.row.phoneCipher ?? '', aad(first.row.id, 'phone'))).toBe('13907971234');
      expect(bad).toMatchObject({ problem: expect.stringContaining('校验码') as unknown });
      expect(again).toMatchObject({ key: first.key });
      expect(again && 'row' in again ? again.row : undefined).toBeUndefined();
    } finally {
      await worker.close();
    }
  });
});
