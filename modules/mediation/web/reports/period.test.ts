import { describe, expect, test } from 'vitest';
import { presetPeriod } from './period';

describe('dashboard periods (Asia/Shanghai calendar days)', () => {
  test('this year, last year, quarter and month around a date', () => {
    expect(presetPeriod('thisYear', '2026-11-22')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(presetPeriod('lastYear', '2026-01-01')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(presetPeriod('thisQuarter', '2026-11-22')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(presetPeriod('thisQuarter', '2024-02-10')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(presetPeriod('thisMonth', '2024-02-10')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(presetPeriod('thisMonth', '2026-02-10')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(presetPeriod('all', '2026-11-22')).toEqual({});
  });
});
