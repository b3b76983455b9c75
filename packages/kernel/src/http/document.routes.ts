import type {} from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import * as documents from '../documents/document.service';
import * as attachments from '../files/attachment.service';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from '../files/file-types';
import { createFileStorage, resolveFilesRoot } from '../files/storage';
import { filePart, uploadChunks } from '../files/upload';
import { IdParams } from '../shared/common';
import {
  Attachment,
  UploadLimitsInfo,
  DocumentSummary,
  DocumentVerification,
  IssueDocumentInput,
  RevokeDocumentInput,
  VerifyCodeParams,
} from '../shared/documents';
import { ctxOf } from './context';
import type { ModuleDeps, SifaApp } from './types';

const tags = ['附件与文书'];

/** Per client address: a QR code is scanned once, not thousands of times a minute. */
export const VERIFY_RATE_PER_MINUTE = 30;

const probeNotice = { kind: 'sample.notice', title: '越权出具的通知书', body: ['数据权限测试。'] };

/** `attachment; filename="…"` with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

function sendFile(reply: FastifyReply, bytes: Buffer, mime: string, filename: string) {
  return reply
    .header('content-type', mime)
    .header('content-disposition', contentDisposition(filename))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(bytes);
}

/**
 * Attachments (upload with size and type limits, list, download, soft delete) and documents (issue a PDF
 * with number and QR code, list, download, revoke), plus the public verification of a document by its code.
 */
export function documentRoutes(app: SifaApp, { engine, config }: ModuleDeps) {
  const db = engine.db;
  const files = createFileStorage(resolveFilesRoot({ dataDir: config.dataDir, filesDir: config.filesDir }));
  const limits: UploadLimits = { ...DEFAULT_UPLOAD_LIMITS, ...(config.uploadMaxBytes ? { maxBytes: config.uploadMaxBytes } : {}) };
  const publicBaseUrl = config.publicBaseUrl ?? 'http://127.0.0.1:8080';
  const fctx = (req: FastifyRequest): attachments.FilesCtx => ({ ...ctxOf(req, db), files, limits });
  const dctx = (req: FastifyRequest): documents.DocumentCtx => ({ ...ctxOf(req, db), files, publicBaseUrl });

  app.post(
    '/api/matters/:id/attachments',
    {
      config: {
        permission: 'kernel.attachment.write',
        scopeProbe: { kind: 'resource', resource: 'matter', upload: { filename: '越权上传.txt', content: '数据权限测试' } },
      },
      schema: {
        tags,
        summary: `上传附件 (multipart/form-data，字段名 file；单个文件不超过 ${String(limits.maxBytes / 1024 / 1024)} MB；格式以扩展名和文件头双重核验)`,
        params: IdParams,
        response: { 201: Attachment },
      },
    },
    async (req, reply) => {
      const attachment = await attachments.uploadAttachment(fctx(req), req.params.id, async () => {
        // One byte over the limit is enough to know the file is too large; the store refuses it then.
        const part = await filePart(req, limits.maxBytes);
        return { filename: part.filename, stream: uploadChunks(part) };
      });
      return reply.code(201).send(attachment);
    },
  );

  app.get(
    '/api/attachments/limits',
    {
      config: { authenticated: true, scopeProbe: { kind: 'unscoped', reason: '附件的大小上限和格式对所有人相同' } },
      schema: { tags, summary: '附件的大小上限和可上传的格式 (控制台在发送前据此检查)', response: { 200: UploadLimitsInfo } },
    },
    () => ({ maxBytes: limits.maxBytes, types: limits.types.map(({ ext, mime, label }) => ({ ext, mime, label })) }),
  );

  app.get(
    '/api/matters/:id/attachments',
    {
      config: { permission: 'kernel.matter.read', scopeProbe: { kind: 'resource', resource: 'matter' } },
      schema: { tags, summary: '事项的附件 (不含已删除的)', params: IdParams, response: { 200: z.array(Attachment) } },
    },
    (req) => attachments.listAttachments(fctx(req), req.params.id),
  );

  app.get(
    '/api/attachments/:id/download',
    {
      config: { permission: 'kernel.matter.read', scopeProbe: { kind: 'resource', resource: 'attachment' } },
      schema: { tags, summary: '下载附件 (按上传时的 SHA-256 校验；记入审计日志)', params: IdParams },
    },
    async (req, reply) => {
      const { attachment, bytes } = await attachments.downloadAttachment(fctx(req), req.params.id);
      return sendFile(reply, bytes, attachment.mime, attachment.filename);
    },
  );

  app.delete(
    '/api/attachments/:id',
    {
      config: { permission: 'kernel.attachment.write', scopeProbe: { kind: 'resource', resource: 'attachment' } },
      schema: { tags, summary: '删除附件 (软删除：记录和文件留存备查，记入审计日志)', params: IdParams },
    },
    async (req, reply) => {
      await attachments.deleteAttachment(fctx(req), req.params.id);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/matters/:id/documents',
    {
      config: { permission: 'kernel.document.issue', scopeProbe: { kind: 'resource', resource: 'matter', body: probeNotice } },
      schema: {
        tags,
        summary: '出具文书：生成带出具单位、文书编号、日期和核验二维码的 PDF (编号留空时自动编号)',
        params: IdParams,
        body: IssueDocumentInput,
        response: { 201: DocumentSummary },
      },
    },
    async (req, reply) => reply.code(201).send(await documents.issueDocument(dctx(req), { ...req.body, matterId: req.params.id })),
  );

  app.get(
    '/api/matters/:id/documents',
    {
      config: { permission: 'kernel.matter.read', scopeProbe: { kind: 'resource', resource: 'matter' } },
      schema: { tags, summary: '事项的文书 (含已撤销的)', params: IdParams, response: { 200: z.array(DocumentSummary) } },
    },
    (req) => documents.listDocuments(dctx(req), req.params.id),
  );

  app.get(
    '/api/documents/:id/pdf',
    {
      config: { permission: 'kernel.matter.read', scopeProbe: { kind: 'resource', resource: 'document' } },
      schema: { tags, summary: '下载文书 PDF (按 SM3 校验；记入审计日志)', params: IdParams },
    },
    async (req, reply) => {
      const { document, bytes } = await documents.getDocumentPdf(dctx(req), req.params.id);
      return sendFile(reply, bytes, 'application/pdf', `${document.title}-${document.number}.pdf`);
    },
  );

  app.post(
    '/api/documents/:id/revoke',
    {
      config: { permission: 'kernel.document.issue', scopeProbe: { kind: 'resource', resource: 'document', body: { reason: '数据权限测试' } } },
      schema: { tags, summary: '撤销文书 (公开核验页随即显示“已撤销”)', params: IdParams, body: RevokeDocumentInput, response: { 200: DocumentSummary } },
    },
    (req) => documents.revokeDocument(dctx(req), req.params.id, req.body.reason),
  );

  app.get(
    '/api/public/documents/:code',
    {
      config: { public: true, rateLimit: { max: VERIFY_RATE_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '公开核验文书真伪 (扫码页调用)：文书编号、出具单位、日期、标题、内容摘要、是否撤销；不含任何当事人信息',
        params: VerifyCodeParams,
        response: { 200: DocumentVerification },
      },
    },
    async (req, reply) => reply.header('cache-control', 'no-store').send(await documents.verifyDocument(db, req.params.code)),
  );
}
