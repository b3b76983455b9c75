import { afterEach, describe, expect, test, vi } from 'vitest';
import { chinaDay, chinaYear } from './china-time';

describe('today in China', () => {
  afterEach(() => vi.useRealTimers());

  test('turns at midnight in Beijing, not in UTC, and follows the clock both ways', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-31T15:59:59.999Z'));
    expect(chinaDay()).toBe('2026-12-31');
    vi.setSystemTime(new Date('2026-12-31T16:00:00.000Z'));
    expect(chinaDay()).toBe('2027-01-01');
    expect(chinaYear()).toBe(2027);
    // a clock set back (a test, an NTP correction) is not answered from the day kept
    vi.setSystemTime(new Date('2026-06-01T00:00:00.000Z'));
    expect(chinaDay()).toBe('2026-06-01');
  });

  test('a given moment is read in China', () => {
    expect(chinaDay(new Date('2026-03-01T16:30:00Z'))).toBe('2026-03-02');
    expect(chinaDay('2026-03-01T15:30:00Z')).toBe('2026-03-01');
  });
});
