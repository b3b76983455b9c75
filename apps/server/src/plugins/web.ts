import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { errorMessage } from '@sifa/kernel';
import { markPublic } from './public';

/** Serves the built console and falls back to index.html for client-side routes; unknown /api paths get 404 JSON. */
export async function registerWeb(app: FastifyInstance, webDist: string) {
  const hasWeb = existsSync(join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(async (child) => {
      markPublic(child);
      await child.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] });
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.method === 'GET' && hasWeb && !req.url.startsWith('/api/') && !req.url.includes('.')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.code(404).send({ code: 'ROUTE_NOT_FOUND', message: errorMessage('ROUTE_NOT_FOUND', req.locale, { method: req.method, url: req.url.split('?')[0] ?? '' }) });
  });
}
