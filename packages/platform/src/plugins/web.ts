import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { errorMessage } from '@sifa/kernel';
import { markPublic } from './public';

/**
 * Serves the built console (files looked up per request, so a rebuild needs no restart) and answers every other
 * GET page address with index.html for client-side routing; unknown /api paths get 404 JSON.
 */
export async function registerWeb(app: FastifyInstance, webDist: string) {
  const indexFile = join(webDist, 'index.html');
  const hasWeb = existsSync(indexFile);
  // index.html is read per request: it names the current build's hashed assets.
  const sendIndex = (reply: FastifyReply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(readFileSync(indexFile));
  if (hasWeb) {
    app.get('/', { config: { public: true }, schema: { hide: true } }, (_req, reply) => sendIndex(reply));
    await app.register(async (child) => {
      markPublic(child);
      // the build wrote .br and .gz beside each text asset (scripts/precompress.mjs): sent as they are, with
      // Content-Encoding and Vary: accept-encoding, to a browser that accepts them
      await child.register(fastifyStatic, { root: webDist, wildcard: true, index: false, cacheControl: true, maxAge: '1h', preCompressed: true });
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '';
    if (req.method === 'GET' && hasWeb && !path.startsWith('/api/') && !/\.\w+$/.test(path)) {
      return sendIndex(reply);
    }
    return reply.code(404).send({ code: 'ROUTE_NOT_FOUND', message: errorMessage('ROUTE_NOT_FOUND', req.locale, { method: req.method, url: path }) });
  });
}
