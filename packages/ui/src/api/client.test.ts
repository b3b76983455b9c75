import { afterEach, describe, expect, test, vi } from 'vitest';
import { z } from 'zod';
import { createApiClient } from './client';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

// issue #13 item 2: a submission that meets an ended session goes through once the person has signed in again.
describe('the API client signs in again in place', () => {
  afterEach(() => vi.unstubAllGlobals());

  test('a 401 asks to sign in, then sends the same request again with the new CSRF token', async () => {
    let token = 'old';
    const calls: { body: unknown; csrf: string | null }[] = [];
    const answers = [json(401, { code: 'SESSION_EXPIRED', message: '会话已超时，请重新登录' }), json(201, { id: 'd1' }, { 'x-session-expires-in': '1800' })];
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
      calls.push({ body: init.body, csrf: new Headers(init.headers).get('x-csrf-token') });
      return Promise.resolve(answers.shift());
    });
    const onUnauthenticated = vi.fn();
    const seen: number[] = [];
    const api = createApiClient({
      csrf: () => token,
      onUnauthenticated,
      reauthenticate: () => {
        token = 'new';
        return Promise.resolve(true);
      },
      onSessionExpiresIn: (s) => seen.push(s),
    });
    const created = await api.send('POST', '/api/mediation/disputes', { summary: '排水纠纷' }, z.object({ id: z.string() }));
    expect(created).toEqual({ id: 'd1' });
    expect(calls).toEqual([
      { body: '{"summary":"排水纠纷"}', csrf: 'old' },
      { body: '{"summary":"排水纠纷"}', csrf: 'new' },
    ]);
    expect(onUnauthenticated).not.toHaveBeenCalled();
    expect(seen).toEqual([1800]);
  });

  test('giving up lets the 401 stand and ends the session as before', async () => {
    vi.stubGlobal('fetch', () => Promise.resolve(json(401, { code: 'SESSION_EXPIRED', message: '会话已超时，请重新登录' })));
    const onUnauthenticated = vi.fn();
    const api = createApiClient({ csrf: () => 't', onUnauthenticated, reauthenticate: () => Promise.resolve(false) });
    await expect(api.call('POST', '/api/x', {})).rejects.toMatchObject({ status: 401, code: 'SESSION_EXPIRED' });
    expect(onUnauthenticated).toHaveBeenCalledWith('SESSION_EXPIRED');
  });

  test('a background poll says so, and does not keep the session alive', async () => {
    const sent: (string | null)[] = [];
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
      sent.push(new Headers(init.headers).get('x-sifa-background'));
      return Promise.resolve(json(200, { unread: 0 }));
    });
    const api = createApiClient({ csrf: () => 't', onUnauthenticated: vi.fn() });
    await api.get('/api/notifications/unread-count', z.object({ unread: z.number() }), { background: true });
    await api.get('/api/auth/session', z.object({ unread: z.number() }));
    expect(sent).toEqual(['1', null]);
  });
});
