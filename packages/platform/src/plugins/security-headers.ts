import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy of every answer: the console and the portal (one built app), the API, the API
 * document. Scripts only from this origin — an injected `<img onerror>` or `<script>` does not run even if markup
 * slipped into a page (issue #11 item 2). Styles allow inline: Ant Design writes its styles at run time
 * (CSS-in-JS) and index.html carries a small style block; a style cannot run script. Blob frames and images are
 * the printed PDF (ui api/client.ts printPdf) and downloads; data: images and fonts are antd's and ECharts'.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The headers every answer carries (a route may set its own value for one; it is kept). */
export function securityHeaders(opts: { https: boolean }): Record<string, string> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    // No MIME sniffing: an uploaded text file is never run as a script or a page.
    'x-content-type-options': 'nosniff',
    // Not framed by another site (clickjacking); frame-ancestors says the same to current browsers.
    'x-frame-options': 'DENY',
    // Addresses can carry a matter's id or a search: other sites are told nothing.
    'referrer-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    // Only behind HTTPS (SIFA_COOKIE_SECURE=true): a browser then refuses plain HTTP to this host for a year.
    ...(opts.https ? { 'strict-transport-security': 'max-age=31536000' } : {}),
  };
}

/**
 * Security headers on every answer — pages, static files, API, errors and 404s alike. API answers carry personal
 * data: no shared or browser cache keeps them (等保 2.0 剩余信息保护), unless the route says otherwise.
 */
export function registerSecurityHeaders(app: FastifyInstance, opts: { https: boolean }) {
  const headers = Object.entries(securityHeaders(opts));
  app.addHook('onSend', async (req, reply) => {
    for (const [name, value] of headers) if (!reply.hasHeader(name)) reply.header(name, value);
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
}
