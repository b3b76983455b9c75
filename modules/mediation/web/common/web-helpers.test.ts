import { describe, expect, test } from 'vitest';
import { CreateDisputeInput } from '@sifa/mediation/shared';
import { ApiError, serverFieldErrors, zodFieldErrors } from '@sifa/ui';
import { mediationText, MEDIATION_MESSAGES } from './messages';

describe('field errors', () => {
  test('the server’s VALIDATION_FAILED details address antd fields, list indexes as numbers', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', '提交的内容有误', [
      { field: 'summary', message: '请简述纠纷 (至少 2 个字)' },
      { field: 'parties.0.idNumber', message: '居民身份证号码应为 18 位，现为 3 位' },
      { field: 'parties', message: '至少有一名申请人' },
    ]);
    expect(serverFieldErrors(error)).toEqual([
      { name: ['summary'], errors: ['请简述纠纷 (至少 2 个字)'] },
      { name: ['parties', 0, 'idNumber'], errors: ['居民身份证号码应为 18 位，现为 3 位'] },
      { name: ['parties'], errors: ['至少有一名申请人'] },
    ]);
    expect(serverFieldErrors(new ApiError(409, 'MATTER_CONFLICT', '已被他人更新', { first: 'x' }))).toEqual([]);
    expect(serverFieldErrors(new Error('x'))).toEqual([]);
  });

  test('the shared schema’s issues land on the same fields as the server’s', () => {
    const parsed = CreateDisputeInput.safeParse({
      orgId: '7b0f3a0e-6a3c-4c44-9a53-2a0f2f1b8f11',
      category: 'neighbour',
      source: 'court-entrusted',
      summary: '邻里纠纷',
      description: '楼上漏水导致楼下受损',
      parties: [{ kind: 'person', name: '张三', idType: 'resident-id', idNumber: '360702199001011233', role: 'respondent' }],
    });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const names = zodFieldErrors(parsed.error, 'parties').map((e) => e.name.join('.'));
    expect(names).toEqual(expect.arrayContaining(['parties.0.idNumber', 'courtCaseNumber', 'courtProcedure', 'parties']));
  });
});

describe('mediation text', () => {
  test('every key has Chinese and English, placeholders alike', () => {
    for (const [key, [zh, en]] of Object.entries(MEDIATION_MESSAGES)) {
      // a file-name template may read the same in both languages
      if (zh !== en) expect(zh, key).toMatch(/[\u4e00-\u9fff]/);
      expect(en.length, key).toBeGreaterThan(0);
      const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(holes(en), key).toEqual(holes(zh));
    }
  });

  test('numbers get thousands separators', () => {
    expect(mediationText('zh-CN', 'dash.hover', { n: 37860, d: 39728 })).toBe('分子 37,860，分母 39,728');
    expect(mediationText('en', 'risk.related', { n: 2 })).toMatch(/^2 related/);
  });
});
