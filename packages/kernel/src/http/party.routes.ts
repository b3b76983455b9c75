import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { createFieldCrypto } from '../parties/crypto';
import * as parties from '../parties/party.service';
import { IdParams, pageOf } from '../shared/common';
import { ID_TYPE_NAMES, Party, PartyInput, PartyQuery, RegisteredParty, UnmaskInput, UnmaskResult } from '../shared/identity';
import { ctxOf, EXPORT_LIMIT, fmtDateTime, sendXlsx } from './context';
import type { ModuleDeps, SifaApp } from './types';

const tags = ['当事人'];

// A valid person for the scope test's write probes (GB 11643 check character computed: 3607 = 赣州市).
const probePerson = { kind: 'person', name: '越权登记的当事人', idType: 'resident-id', idNumber: '360702199001010010' };

/** Parties: register (recognising a known ID), search, read, export — masked — and audited unmasking. */
export function partyRoutes(app: SifaApp, { engine, dataKey }: ModuleDeps) {
  const db = engine.db;
  const pii = createFieldCrypto(dataKey);
  const pctx = (req: FastifyRequest): parties.PartyCtx => ({ ...ctxOf(req, db), pii });

  app.post(
    '/api/parties',
    {
      config: { permission: 'kernel.party.write', scopeProbe: { kind: 'bodyOrg', field: 'orgId', body: probePerson } },
      schema: {
        tags,
        summary: '登记当事人 (本单位管辖范围内已登记的返回原记录，200；否则 201，不透露其他单位是否登记过)',
        body: PartyInput,
        response: { 200: RegisteredParty, 201: RegisteredParty },
      },
    },
    async (req, reply) => {
      const party = await parties.registerParty(pctx(req), req.body);
      return reply.code(party.recognised ? 200 : 201).send(party);
    },
  );

  app.get(
    '/api/parties',
    {
      config: { permission: 'kernel.party.read', scopeProbe: { kind: 'list' } },
      schema: {
        tags,
        summary: '查询当事人 (q：姓名前缀，或完整的证件号码、手机号码、统一社会信用代码)',
        querystring: PartyQuery,
        response: { 200: pageOf(Party) },
      },
    },
    (req) => parties.searchParties(pctx(req), req.query),
  );

  app.get(
    '/api/parties/export.xlsx',
    {
      config: { permission: 'kernel.party.read', scopeProbe: { kind: 'list' } },
      schema: { tags, summary: '导出当事人 (Excel，证件号码和手机号码脱敏)', querystring: z.object({ q: PartyQuery.shape.q }) },
    },
    async (req, reply) => {
      const ctx = pctx(req);
      const { items } = await parties.searchParties(ctx, { q: req.query.q, page: 1, pageSize: EXPORT_LIMIT });
      return sendXlsx(ctx, reply, {
        filename: '当事人.xlsx',
        sheet: '当事人',
        action: 'kernel.party.export',
        filter: { q: parties.maskedQuery(req.query.q) },
        rows: items,
        columns: [
          { header: '姓名/名称', width: 24, value: (r) => r.name },
          { header: '类别', width: 8, value: (r) => (r.kind === 'person' ? '自然人' : '单位') },
          { header: '证件类型', width: 22, value: (r) => (r.idType ? ID_TYPE_NAMES[r.idType].zh : '统一社会信用代码') },
          { header: '证件号码', width: 22, value: (r) => r.idMasked ?? r.uscc },
          { header: '手机号码', width: 14, value: (r) => r.phoneMasked },
          { header: '登记单位', width: 28, value: (r) => r.orgName },
          { header: '登记时间', width: 20, value: (r) => fmtDateTime(r.createdAt) },
        ],
      });
    },
  );

  app.get(
    '/api/parties/:id',
    {
      config: { permission: 'kernel.party.read', scopeProbe: { kind: 'resource', resource: 'party' } },
      schema: { tags, summary: '当事人详情 (脱敏)', params: IdParams, response: { 200: Party } },
    },
    (req) => parties.getParty(pctx(req), req.params.id),
  );

  app.post(
    '/api/parties/:id/unmask',
    {
      config: {
        permission: parties.UNMASK_PERMISSION,
        scopeProbe: { kind: 'resource', resource: 'party', body: { field: 'idNumber', reason: '数据权限测试核对身份' } },
      },
      schema: { tags, summary: '查看完整证件号码或手机号码 (须填写理由，记入审计日志)', params: IdParams, body: UnmaskInput, response: { 200: UnmaskResult } },
    },
    (req) => parties.unmaskParty(pctx(req), req.params.id, req.body.field, req.body.reason),
  );
}
