import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { DEFAULT_TEXT_MAX, illFormedCharacter } from '../shared/common';
import { findIllFormedText, hardenInput, requestSchemaOf } from './input';

const long = 'x'.repeat(DEFAULT_TEXT_MAX + 1);

describe('text PostgreSQL cannot store is found wherever it is', () => {
  test('a NUL byte and unpaired surrogates are ill-formed; a paired surrogate (an emoji, a rare 汉字) is not', () => {
    expect(illFormedCharacter('调解\u0000书')).toBe('nul');
    expect(illFormedCharacter('\ud800')).toBe('surrogate');
    expect(illFormedCharacter('a\udc00b')).toBe('surrogate');
    expect(illFormedCharacter('\udc00\ud800')).toBe('surrogate');
    expect(illFormedCharacter('𠀀 😀 张三')).toBeUndefined(); // U+20000 and U+1F600 are surrogate pairs in UTF-16
    expect(illFormedCharacter('')).toBeUndefined();
  });

  test('in nested values and in object keys, with the path to them', () => {
    expect(findIllFormedText({ parties: [{ name: 'ok' }, { name: 'a\u0000' }] })).toEqual({ path: ['parties', 1, 'name'], reason: 'nul' });
    expect(findIllFormedText({ summary: { ['k\ud83d']: 1 } })).toEqual({ path: ['summary', 'k\ud83d'], reason: 'surrogate' });
    expect(findIllFormedText({ a: [1, true, null, { b: '正常文字' }] })).toBeUndefined();
  });
});

describe('the request schema of a route', () => {
  const Body = z.object({
    reason: z.string().trim().min(2),
    note: z.string().max(5000).optional(),
    names: z.array(z.string()).default([]),
    pick: z.union([z.object({ kind: z.literal('a'), text: z.string() }), z.object({ kind: z.literal('b') })]),
    id: z.uuid().optional(),
    extra: z.unknown().optional(),
  });
  const schema = requestSchemaOf(Body);

  test('a string without its own maximum takes the default one; a declared maximum stays', () => {
    expect(schema.safeParse({ reason: 'ok', pick: { kind: 'b' } }).success).toBe(true);
    expect(schema.safeParse({ reason: long, pick: { kind: 'b' } }).error?.issues[0]?.path).toEqual(['reason']);
    expect(schema.safeParse({ reason: 'ok', names: [long], pick: { kind: 'b' } }).error?.issues[0]?.path).toEqual(['names', 0]);
    expect(schema.safeParse({ reason: 'ok', pick: { kind: 'a', text: long } }).success).toBe(false);
    expect(schema.safeParse({ reason: 'ok', note: 'y'.repeat(5000), pick: { kind: 'b' } }).success).toBe(true);
  });

  test('ill-formed text is refused anywhere, under z.unknown() too, with a message a person can act on', () => {
    const r = schema.safeParse({ reason: 'ok', pick: { kind: 'b' }, extra: { deep: ['\u0000'] } });
    expect(r.error?.issues[0]?.path).toEqual(['extra', 'deep', 0]);
    expect(r.error?.issues[0]?.message).toContain('空字符');
    expect(schema.safeParse({ reason: 'o\ud800k', pick: { kind: 'b' } }).error?.issues[0]?.message).toContain('残缺的 Unicode 字符');
  });

  test('the original schema is not changed (it may describe a response, where no limit applies) and copies are reused', () => {
    expect(Body.safeParse({ reason: long, pick: { kind: 'b' } }).success).toBe(true);
    expect(hardenInput(Body)).toBe(hardenInput(Body));
    const Plain = z.object({ id: z.uuid(), n: z.number() });
    expect(hardenInput(Plain)).toBe(Plain);
  });

  test('the API document shows the default maximum and keeps the descriptions', () => {
    const Described = z.object({ reason: z.string().describe('理由') });
    const json = z.toJSONSchema(hardenInput(Described), { io: 'input' }) as unknown as { properties: { reason: { maxLength: number; description: string } } };
    expect(json.properties.reason).toMatchObject({ maxLength: DEFAULT_TEXT_MAX, description: '理由' });
  });
});
