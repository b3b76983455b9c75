import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { ScopeFixtureKit, ScopeProbe } from '@sifa/kernel';
import type { RouteEntry } from '@sifa/platform';
import type { Agent, Method, TestApp } from './app';
import { multipartFile } from './multipart';

/** What a module's scope fixtures get (`defineModule({ scopeFixtures })`): the two counties' agents and the test app's data. */
export function scopeFixtureKit(t: TestApp, prober: Agent, neighbour: Agent): ScopeFixtureKit {
  return {
    prober,
    neighbour,
    db: t.engine.db,
    orgId: (name: string) => t.orgId(name),
    // ids of a unit and every unit under it, read when called (units created since included)
    subtree: async (orgId: string) =>
      (await t.engine.db.selectFrom('kernel.orgs').select('id').where('path', 'like', `%${orgId}/%`).orderBy('id').execute()).map((o) => o.id),
  };
}

/** Ids of one resource kind: one the prober may touch, one of a neighbouring county it must not. */
export interface ResourcePair {
  /** An id, or a factory for a fresh one when a write's control call would use the resource up. */
  inside: string | (() => Promise<string>);
  outside: string;
}

export interface ScopeProbeSetup {
  t: TestApp;
  /** A user of county A holding every permission, so only the scope can refuse it. */
  prober: Agent;
  resources: Record<string, ResourcePair>;
  /** Unit ids for `bodyOrg` probes. */
  orgs: ResourcePair;
  /** Path parameters of `list` routes, e.g. `{ id: 'sample.close-rate' }` for indicator routes. */
  listParams?: Record<string, string>;
  /** Strings that must never appear in what the prober can list (county B's ids and names). */
  forbidden: string[];
  /** Rows whose change would be a write across the boundary. */
  snapshot: () => Promise<string>;
}

export interface ProbeFinding {
  route: string;
  problem: string;
}

/** Path parameters of unscoped routes that name reference data, not a record of some unit. */
const REFERENCE_KEYS: readonly string[] = [':year', ':code'];

const fill = (url: string, id: string) => url.replace(/:id\b/, id);

async function textOf(res: LightMyRequestResponse): Promise<string> {
  if (!String(res.headers['content-type']).includes('spreadsheetml')) return res.body;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const cells: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(c.text))));
  return cells.join('\n');
}

/** Replaces `'$<resource>'` values of a probe body with an in-scope instance of that resource. */
async function resolveBody(body: Record<string, unknown> | undefined, resources: Record<string, ResourcePair>) {
  if (!body) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    const pair = typeof v === 'string' && v.startsWith('$') ? resources[v.slice(1)] : undefined;
    out[k] = pair ? (typeof pair.inside === 'string' ? pair.inside : await pair.inside()) : v;
  }
  return out;
}

/** Probes every registered, non-public route as `setup.prober`; returns what is wrong (empty = all scoped). */
export async function probeScope(routes: readonly RouteEntry[], setup: ScopeProbeSetup): Promise<{ findings: ProbeFinding[]; probed: number }> {
  const findings: ProbeFinding[] = [];
  let probed = 0;
  const seen = new Set<string>();
  for (const r of routes) {
    const key = `${r.method} ${r.url}`;
    // Citizen routes act on the caller's own public account, never on staff scope.
    if (r.method === 'HEAD' || r.config?.public || r.config?.citizen || seen.has(key)) continue;
    seen.add(key);
    const probe: ScopeProbe | undefined = r.config?.scopeProbe;
    const fail = (problem: string) => findings.push({ route: key, problem });
    if (!probe) {
      fail('没有声明 scopeProbe，无法证明其数据权限');
      continue;
    }
    probed++;
    const method = r.method as Method;
    switch (probe.kind) {
      case 'resource': {
        const pair = setup.resources[probe.resource];
        if (!pair) {
          fail(`没有 ${probe.resource} 类资源的测试数据`);
          break;
        }
        const body = await resolveBody(probe.body, setup.resources);
        const send = (url: string) => {
          if (!probe.upload) return setup.prober.request(method, url, body);
          const { payload, headers } = multipartFile(probe.upload.filename, probe.upload.content);
          return setup.prober.request(method, url, payload, headers);
        };
        const before = await setup.snapshot();
        const res = await send(fill(r.url, pair.outside));
        if (res.statusCode !== 404) fail(`访问邻县资源应得 404，实得 ${res.statusCode} ${res.body.slice(0, 200)}`);
        if ((await setup.snapshot()) !== before) fail('邻县数据被改动');
        const inside = typeof pair.inside === 'string' ? pair.inside : await pair.inside();
        const ok = await send(fill(r.url, inside));
        // 'found': a workflow action may be refused by the state of a fresh record (409), which still proves the
        // route found it; only success counts otherwise.
        const found = probe.control === 'found' && ok.statusCode === 409;
        if (ok.statusCode >= 300 && !found) fail(`对照：本县资源应成功，实得 ${ok.statusCode} ${ok.body.slice(0, 200)}`);
        break;
      }
      case 'bodyOrg': {
        const before = await setup.snapshot();
        const res = await setup.prober.request(method, r.url, { ...probe.body, [probe.field]: setup.orgs.outside });
        if (res.statusCode !== 404) fail(`在邻县单位下写入应得 404，实得 ${res.statusCode} ${res.body.slice(0, 200)}`);
        if ((await setup.snapshot()) !== before) fail('邻县数据被改动');
        const insideOrg = typeof setup.orgs.inside === 'string' ? setup.orgs.inside : await setup.orgs.inside();
        const ok = await setup.prober.request(method, r.url, { ...probe.body, [probe.field]: insideOrg });
        if (ok.statusCode >= 300) fail(`对照：在本县单位下写入应成功，实得 ${ok.statusCode} ${ok.body.slice(0, 200)}`);
        break;
      }
      case 'list': {
        const url = r.url.replace(/:(\w+)/g, (m, name: string) => setup.listParams?.[name] ?? m);
        if (url.includes(':')) {
          fail(`列表路由的路径参数没有测试值 (listParams)`);
          break;
        }
        if (probe.orgQuery) {
          const other = await setup.prober.request(
            method,
            `${url}?${new URLSearchParams({ ...probe.query, [probe.orgQuery]: setup.orgs.outside }).toString()}`,
          );
          if (other.statusCode !== 404) fail(`以邻县单位为 ${probe.orgQuery} 应得 404，实得 ${other.statusCode}`);
        }
        const qs = new URLSearchParams(probe.query ?? {}).toString();
        const res = await setup.prober.request(method, qs ? `${url}?${qs}` : url);
        if (res.statusCode !== 200) {
          fail(`列表应得 200，实得 ${res.statusCode}`);
          break;
        }
        const text = await textOf(res);
        const leaked = setup.forbidden.filter((s) => text.includes(s));
        if (leaked.length) fail(`列表泄露邻县数据：${leaked.slice(0, 3).join(', ')}`);
        break;
      }
      case 'self':
      case 'unscoped':
        // Reference data may be addressed by a key that names no scoped record (a calendar year, a dispute
        // category's code), never by an id.
        if ((r.url.match(/:\w+/g) ?? []).some((p) => !(probe.kind === 'unscoped' && REFERENCE_KEYS.includes(p)))) fail(`${probe.kind} 路由不应带路径参数`);
        if (probe.kind === 'unscoped' && !probe.reason.trim()) fail('unscoped 须说明理由');
        break;
    }
  }
  return { findings, probed };
}
