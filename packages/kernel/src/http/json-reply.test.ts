import Fastify from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { sendBuiltJson } from './json-reply';

describe('a large answer built by the route', () => {
  test('goes out as the JSON of the body, without the response schema parsing it again; the same body returned does', async () => {
    let checked = 0;
    const Report = z.object({ created: z.number(), rows: z.array(z.object({ row: z.number(), number: z.string().nullable() })) }).refine(() => ++checked > 0);
    const app = Fastify().withTypeProvider<ZodTypeProvider>();
    app.setSerializerCompiler(serializerCompiler);
    const report = { created: 1, rows: [{ row: 2, number: '赣章贡调〔2026〕1号' }] };
    app.get('/built', { schema: { response: { 200: Report } } }, async (_req, reply) => sendBuiltJson(reply, report));
    app.get('/returned', { schema: { response: { 200: Report } } }, () => report);
    await app.ready();

    const built = await app.inject({ method: 'GET', url: '/built' });
    expect(built.statusCode).toBe(200);
    expect(built.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(built.json()).toEqual(report);
    expect(checked).toBe(0);

    const returned = await app.inject({ method: 'GET', url: '/returned' });
    expect(returned.body).toBe(built.body);
    expect(checked).toBe(1);
    await app.close();
  });
});
