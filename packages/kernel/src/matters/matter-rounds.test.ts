import { describe, expect, test } from 'vitest';
import { BULK_CHUNK, roundEnds } from './matter-bulk';

const sizes = (ends: number[]) => ends.map((e, i) => e - (ends[i - 1] ?? 0));

describe('the rounds of a bulk import', () => {
  test('a long import starts and ends with small rounds and spreads the rest evenly, covering every item once', () => {
    const ends = roundEnds(100_000, BULK_CHUNK, true);
    const s = sizes(ends);
    expect(ends.at(-1)).toBe(100_000);
    expect(s.slice(0, 2)).toEqual([1000, 2000]);
    expect(s.slice(-2)).toEqual([2000, 1000]);
    const middle = s.slice(2, -2);
    expect(Math.max(...middle) - Math.min(...middle)).toBeLessThanOrEqual(1);
    expect(Math.max(...middle)).toBeLessThanOrEqual(BULK_CHUNK);
  });

  test('a short import, or a caller’s own round size, takes rounds of that size', () => {
    expect(roundEnds(7_000, BULK_CHUNK, true)).toEqual([5000, 7000]);
    expect(roundEnds(5, 2, false)).toEqual([2, 4, 5]);
    expect(roundEnds(0, BULK_CHUNK, true)).toEqual([]);
  });
});
