import type { FastifyInstance } from 'fastify';

/** Routes registered by third-party plugins in `child` (API docs, static files) are public by declaration here. */
export function markPublic(child: FastifyInstance) {
  child.addHook('onRoute', (r) => {
    r.config = { ...(r.config as object), public: true };
  });
}
