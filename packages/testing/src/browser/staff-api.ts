import { DEMO_PASSWORD } from '../config';

/** A signed-in staff member, talking to the test server over HTTP as the console would. */
export interface Staff {
  /** A JSON request with the session cookie and CSRF token; throws on a non-2xx answer. */
  json<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T>;
}

/** Signs a demo account in on the server at `base` (password `Sifa@2026`). */
export async function signInApi(base: string, username: string): Promise<Staff> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in of ${username} failed: ${String(res.status)} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    async json<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown) {
      const r = await fetch(`${base}${path}`, {
        method,
        headers: {
          cookie,
          ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await r.text();
      if (!r.ok) throw new Error(`${method} ${path}: ${String(r.status)} ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
}
