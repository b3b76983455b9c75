import type { FastifyReply, FastifyRequest } from 'fastify';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { appendAudit, type Actor } from '../audit/audit';
import type { Database } from '../db/schema';
import { AppError } from '../errors';
import type { AuthUser, Ctx } from './types';
import { chinaDateTime } from '../shared/china-time';

export function actorOf(req: FastifyRequest): Actor {
  return {
    id: req.user?.id ?? null,
    username: req.user?.username ?? null,
    orgId: req.user?.orgId ?? null,
    requestId: req.id,
    ip: req.ip,
  };
}

/** The use-case context of a signed-in request. */
export function ctxOf(req: FastifyRequest, db: Kysely<Database>): Ctx {
  const user: AuthUser | null = req.user;
  if (!user) throw new AppError('UNAUTHENTICATED');
  return { db, actor: actorOf(req), scope: { orgId: user.orgId, path: user.orgPath }, user, now: req.now };
}

export interface XlsxColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | null;
}

/** Sends rows as an Excel workbook and records the export in the audit log. */
export async function sendXlsx<T>(
  ctx: Ctx,
  reply: FastifyReply,
  opts: { filename: string; sheet: string; columns: XlsxColumn<T>[]; rows: T[]; action: string; filter: unknown },
) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sifa 智慧司法行政平台';
  const ws = wb.addWorksheet(opts.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = opts.columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
  ws.getRow(1).font = { bold: true };
  for (const r of opts.rows) ws.addRow(opts.columns.map((c) => c.value(r)));
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  await ctx.db.transaction().execute((trx) => appendAudit(trx, ctx.actor, { action: opts.action, summary: { rows: opts.rows.length, filter: opts.filter } }));
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(opts.filename)}`)
    .send(buf);
}

export const EXPORT_LIMIT = 100_000;

export const fmtDateTime = (iso: string | null) => (iso ? chinaDateTime(iso) : '');
