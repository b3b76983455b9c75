import ExcelJS from 'exceljs';
import type {} from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import { runInWorker } from '../workers/pool';
import { formatBytes } from './file-types';
import { refuseDeclaredOversize, uploadChunks, uploadFailure } from './upload';
import { headerKey, MAX_IMPORT_ROWS, sheetLimits, type SheetColumn, type SheetLimits, type SheetRow } from './sheet-parse';

export { headerKey, MAX_IMPORT_ROWS, sheetLimits, type SheetColumn, type SheetLimits, type SheetRow } from './sheet-parse';

/**
 * The rows of an uploaded .xlsx (its first sheet) or .csv: the first non-empty row is the header, matched to
 * `columns` by header or alias; empty rows are skipped. Read on a worker thread as a stream, with the limits of
 * `sheetLimits(maxRows)` (or `opts.limits`) enforced while reading: a file that cannot be read, lacks a required
 * column or passes a limit is refused whole with a message that says what to do (files/sheet-parse.ts).
 */
export async function readSheet<K extends string>(
  file: { filename: string; bytes: Buffer },
  columns: readonly SheetColumn<K>[],
  opts: { maxRows?: number; limits?: Partial<Omit<SheetLimits, 'maxRows'>> } = {},
): Promise<SheetRow<K>[]> {
  return runInWorker('readSheet', {
    filename: file.filename,
    bytes: file.bytes,
    // Only what reading needs crosses to the worker (not the hints and drop-down lists).
    columns: columns.map((c) => ({ key: c.key, header: c.header, ...(c.aliases ? { aliases: c.aliases } : {}), ...(c.required ? { required: true } : {}) })),
    limits: sheetLimits(opts.maxRows ?? MAX_IMPORT_ROWS, opts.limits),
  });
}

/** The import template: the header row (with drop-downs where values are fixed) and a sheet saying how to fill it. */
export async function templateXlsx<K extends string>(sheet: string, columns: readonly SheetColumn<K>[], opts: { maxRows?: number } = {}): Promise<Buffer> {
  const maxRows = opts.maxRows ?? MAX_IMPORT_ROWS;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sifa 智慧司法行政平台';
  const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
  ws.getRow(1).font = { bold: true };
  columns.forEach((c, i) => {
    if (!c.list) return;
    const formula = `"${c.list.join(',')}"`;
    for (let r = 2; r <= 501; r++)
      ws.getCell(r, i + 1).dataValidation = {
        type: 'list',
        allowBlank: !c.required,
        formulae: [formula],
        showErrorMessage: true,
        error: `请从下拉列表中选择：${c.list.join('、')}`,
      };
  });
  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列', width: 18 },
    { header: '是否必填', width: 10 },
    { header: '填写要求', width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of columns) help.addRow([headerKey(c.header), c.required ? '必填' : '选填', c.hint]);
  help.addRow([]);
  help.addRow([
    '说明',
    '',
    `从第 2 行起每行一条，最多 ${maxRows} 行；表头不要改动。导入后逐行报告结果：有问题的行不导入，其他行照常导入，改正后可只导入有问题的行。`,
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 2024-03-01, 2024/3/1, 2024.3.1, 2024年3月1日, an Excel date cell or serial number → `YYYY-MM-DD`; else the text as it is. */
export function dateText(v: string | Date | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString().slice(0, 10);
  const serial = /^\d{5}(\.\d+)?$/.test(v) ? Number(v) : NaN;
  if (serial > 20000 && serial < 80000) return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(v);
  return m ? `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}` : v;
}

export const text = (v: string | Date | undefined) => (v === undefined ? undefined : v instanceof Date ? v.toISOString().slice(0, 10) : v);

/** An uploaded table file: its name and bytes. */
export interface UploadedFile {
  filename: string;
  bytes: Buffer;
}

/**
 * The one file of a multipart upload (field `file`), refused with the limit named when larger than `maxBytes`, and
 * refused when the request carries a second file (it used to be ignored without a word).
 */
export async function uploadedFile(req: FastifyRequest, maxBytes: number): Promise<UploadedFile> {
  if (!req.isMultipart()) throw new AppError('FILE_REQUIRED');
  refuseDeclaredOversize(req, maxBytes);
  const files = req.files({ limits: { fileSize: maxBytes + 1, files: 1 }, throwFileSizeLimit: false });
  const next = async () => {
    try {
      return await files.next();
    } catch (e) {
      throw uploadFailure(e);
    }
  };
  const first = await next();
  if (first.done) throw new AppError('FILE_REQUIRED');
  const part = first.value;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of uploadChunks(part)) {
    size += chunk.length;
    if (size > maxBytes) throw new AppError('FILE_TOO_LARGE', { name: part.filename, limit: formatBytes(maxBytes) });
    chunks.push(chunk);
  }
  if (!(await next()).done) throw new AppError('UPLOAD_REFUSED', { reason: '一次只能上传一个文件，请逐个上传' });
  return { filename: part.filename, bytes: Buffer.concat(chunks) };
}

/** Sends an .xlsx (a template) as a download named `filename`. */
export function sendXlsxFile(reply: FastifyReply, filename: string, bytes: Buffer) {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="template.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .send(bytes);
}
