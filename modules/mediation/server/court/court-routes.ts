import { z } from 'zod';
import {
  createFieldCrypto,
  ctxOf,
  EXPORT_LIMIT,
  IdParams,
  PageQuery,
  pageOf,
  readSheet,
  sendBuiltJson,
  sendXlsx,
  sendXlsxFile,
  templateXlsx,
  uploadedFile,
  type ModuleDeps,
  type SifaApp,
} from '@sifa/kernel';
import type { FastifyRequest } from 'fastify';
import { CourtReferralBatch, CourtReferralReport, CourtResult } from '../../shared/court';
import { activeCategories } from '../categories/category';
import { courtResults, courtResultsPage, importCourtReferrals } from './court';
import { courtColumns, MAX_COURT_BYTES, MAX_COURT_ROWS, referralOfRow } from './court-sheet';

const tags = ['人民调解'];
const courtRow = {
  courtCaseNumber: '(2026)赣0702民诉前调9号',
  courtName: '章贡区人民法院',
  kind: 'court-delegated',
  category: 'contract',
  summary: '买卖合同纠纷',
  description: '货款未付引发纠纷',
  parties: [{ kind: 'person', name: '孙委派', idType: 'resident-id', idNumber: '360730198506120048', role: 'applicant' }],
};
const probeCsv =
  '法院案号,法院,调解类型,纠纷类型,纠纷名称,纠纷情况,申请人,申请人证件号码\n(2026)赣0702民诉前调8号,章贡区人民法院,委派,合同,买卖合同纠纷,货款未付引发纠纷,孙探针,360730198506120048\n';
const outcomeZh = (o: string | null) =>
  ({ success: '调解成功', failed: '调解不成', refused: '当事人拒绝调解', withdrawn: '撤回', declined: '不予受理' })[o ?? ''] ?? '办理中';

/**
 * 诉调对接 (features.md M3; 特邀调解规定, spc-court-invited-mediation-provisions-2016.md): the court's referrals
 * come in as an API batch or an Excel/CSV file that keeps the court's case number, and the results go back to the
 * court as an API and an Excel.
 */
export function courtRoutes(app: SifaApp, { engine, dataKey }: ModuleDeps) {
  const db = engine.db;
  const pii = createFieldCrypto(dataKey);
  const pctx = (req: FastifyRequest) => ({ ...ctxOf(req, db), pii });

  app.post(
    '/api/mediation/court-referrals/batch',
    {
      config: { permission: 'mediation.dispute.write', scopeProbe: { kind: 'bodyOrg', field: 'orgId', body: { rows: [courtRow] } } },
      schema: { tags, summary: '法院委派、委托、邀请调解批量登记 (保留法院案号，逐条报告)', body: CourtReferralBatch, response: { 200: CourtReferralReport } },
    },
    async (req) => {
      const categories = new Set((await activeCategories(db)).map((c) => c.code));
      return importCourtReferrals(pctx(req), req.body.orgId, req.body.rows, { via: 'api', categories });
    },
  );

  app.get(
    '/api/mediation/court-referrals/template.xlsx',
    {
      config: { permission: 'mediation.dispute.write', scopeProbe: { kind: 'unscoped', reason: '导入模板只有表头和填写说明，不含任何数据' } },
      schema: { tags, summary: '法院委派委托调解导入模板 (Excel)' },
    },
    async (_req, reply) =>
      sendXlsxFile(
        reply,
        '法院委派委托调解导入模板.xlsx',
        await templateXlsx('法院委派委托调解', courtColumns(await activeCategories(db)), { maxRows: MAX_COURT_ROWS }),
      ),
  );

  app.post(
    '/api/mediation/units/:id/court-referrals/import',
    {
      config: {
        permission: 'mediation.dispute.write',
        scopeProbe: { kind: 'resource', resource: 'unit', upload: { filename: '法院委派.csv', content: probeCsv } },
      },
      schema: {
        tags,
        summary: `从 Excel (.xlsx) 或 CSV 导入法院委派、委托、邀请调解 (multipart，字段 file；不超过 ${String(MAX_COURT_ROWS)} 行、50 MB；逐行报告，有问题的行不导入)`,
        params: IdParams,
        response: { 200: CourtReferralReport },
      },
    },
    async (req, reply) => {
      const file = await uploadedFile(req, MAX_COURT_BYTES);
      const categories = await activeCategories(db);
      const rows = await readSheet(file, courtColumns(categories), { maxRows: MAX_COURT_ROWS });
      // Chinese names become codes by the active categories; one that is none of them is named in its row's problem.
      const report = await importCourtReferrals(
        pctx(req),
        req.params.id,
        rows.map((r) => referralOfRow(r, categories)),
        {
          via: 'file',
          file: file.filename,
          rowNumbers: rows.map((r) => r.row),
          categories: new Set(categories.map((c) => c.code)),
        },
      );
      // up to 10^5 rows built here field by field: sent without parsing them again through the response schema
      return sendBuiltJson(reply, report);
    },
  );

  const CourtQuery = z.object({ courtName: z.string().trim().max(60).optional(), courtCaseNumber: z.string().trim().max(60).optional() });
  app.get(
    '/api/mediation/court-results',
    {
      config: { permission: 'mediation.dispute.read', scopeProbe: { kind: 'list' } },
      schema: {
        tags,
        summary: '诉调对接案件的调解结果 (反馈法院，分页)',
        querystring: CourtQuery.extend(PageQuery.shape),
        response: { 200: pageOf(CourtResult) },
      },
    },
    (req) => {
      const ctx = ctxOf(req, db);
      const { page, pageSize, ...f } = req.query;
      return courtResultsPage(ctx.db, ctx.scope, f, page, pageSize);
    },
  );

  app.get(
    '/api/mediation/court-results.xlsx',
    {
      config: { permission: 'mediation.dispute.read', scopeProbe: { kind: 'list' } },
      schema: { tags, summary: '导出诉调对接调解结果 (Excel，反馈法院)', querystring: CourtQuery },
    },
    async (req, reply) => {
      const ctx = ctxOf(req, db);
      const rows = await courtResults(ctx.db, ctx.scope, req.query, { limit: EXPORT_LIMIT, offset: 0 });
      return sendXlsx(ctx, reply, {
        filename: '诉调对接调解结果.xlsx',
        sheet: '调解结果',
        action: 'mediation.court-results.export',
        filter: req.query,
        rows,
        columns: [
          { header: '法院案号', width: 28, value: (r) => r.courtCaseNumber },
          { header: '法院', width: 20, value: (r) => r.courtName },
          { header: '调解编号', width: 22, value: (r) => r.number },
          { header: '状态', width: 10, value: (r) => r.statusZh },
          { header: '调解结果', width: 12, value: (r) => outcomeZh(r.outcome) },
          { header: '登记日期', width: 12, value: (r) => r.registeredOn },
          { header: '办结日期', width: 12, value: (r) => r.closedOn },
          { header: '协议形式', width: 10, value: (r) => (r.agreementKind === 'written' ? '书面' : r.agreementKind === 'oral' ? '口头' : '') },
          { header: '协议生效日期', width: 14, value: (r) => r.agreementEffectiveOn },
        ],
      });
    },
  );
}
