import { describe, expect, test } from 'vitest';
import { COMMON_MESSAGES, DEADLINE_MESSAGES, FORM_MESSAGES, MATTER_MESSAGES } from '@sifa/ui';
import { CONSOLE_MESSAGES } from './console';
import { NOTIFICATION_MESSAGES } from './notification';
import { PORTAL_MESSAGES } from './portal';

const FILES: Record<string, Record<string, readonly [string, string]>> = {
  common: COMMON_MESSAGES,
  console: CONSOLE_MESSAGES,
  matter: MATTER_MESSAGES,
  deadline: DEADLINE_MESSAGES,
  forms: FORM_MESSAGES,
  notification: NOTIFICATION_MESSAGES,
  portal: PORTAL_MESSAGES,
};

describe('message dictionaries', () => {
  test('no key is defined in two files (a later file would silently win)', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const [file, messages] of Object.entries(FILES)) {
      for (const key of Object.keys(messages)) {
        const first = owner.get(key);
        if (first) clashes.push(`${key}: ${first} and ${file}`);
        owner.set(key, file);
      }
    }
    expect(clashes).toEqual([]);
  });

  test('both languages use the same placeholders', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const mismatched = Object.values(FILES)
      .flatMap((messages) => Object.entries(messages))
      .filter(([, [zh, en]]) => names(zh).join() !== names(en).join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });
});
