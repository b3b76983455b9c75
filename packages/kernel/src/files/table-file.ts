import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import type {} from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors';

/** Rows per import file unless the caller says otherwise: a county's registers fit, a mistake does not. */
export const MAX_IMPORT_ROWS = 2000;

export interface SheetColumn<K extends string> {
  key: K;
  /** The template's header; `*` marks a required column. */
  header: string;
  /** Other headers people write for the same column. */
  aliases?: readonly string[];
  required?: boolean;
  width?: number;
  /** Allowed values, offered as a drop-down in the template. */
  list?: readonly string[];
  /** What to write, for the template's 填写说明 sheet. */
  hint: string;
}

export interface SheetRow<K extends string> {
  /** The row number as the spreadsheet shows it. */
  row: number;
  values: Partial<Record<K, string | Date>>;
}

function refuse(reason: string): never {
  throw new AppError('VALIDATION_FAILED', { first: reason }, [{ field: 'file', message: reason }]);
}

/** A cell as text (or a Date for date cells): rich text joined, hyperlinks and formulas by their shown value. */
export function cellValue(v: ExcelJS.CellValue): string | Date | undefined {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return v;
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if ('richText' in v)
    return (
      v.richText
        .map((r) => r.text)
        .join('')
        .trim() || undefined
    );
  if ('hyperlink' in v) return v.text.trim() || undefined;
  if ('error' in v) return undefined;
  const result = v.result;
  if (result === undefined || (typeof result === 'object' && !(result instanceof Date))) return undefined;
  return result instanceof Date ? result : String(result).trim() || undefined;
}

/** CSV saved by Excel on a Chinese Windows is GB18030 (GBK), elsewhere UTF-8 (often with a BOM). */
function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** 调委会名称* / 调委会名称（必填） / 调委会名称: → 调委会名称 */
const headerKey = (s: string) => s.replace(/[（(][^）)]*[）)]/g, '').replace(/[\s*＊:：]/g, '');

/**
 * The rows of an uploaded .xlsx (its first sheet) or .csv: the first non-empty row is the header, matched to
 * `columns` by header or alias; empty rows are skipped. A file that cannot be read, lacks a required column or
 * has too many rows is refused whole with a message that says what to do.
 */
export async function readSheet<K extends string>(
  file: { filename: string; bytes: Buffer },
  columns: readonly SheetColumn<K>[],
  opts: { maxRows?: number } = {},
): Promise<SheetRow<K>[]> {
  const maxRows = opts.maxRows ?? MAX_IMPORT_ROWS;
  const { filename, bytes } = file;
  if (bytes.length === 0) refuse(`文件“${filename}”是空文件，请选择填好的模板`);
  let table: { row: number; cells: (string | Date | undefined)[] }[] = [];
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const wb = new ExcelJS.Workbook();
    try {
      // @types/node's Buffer<ArrayBufferLike> against exceljs's plain Buffer: the same bytes.
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      refuse(`无法读取“${filename}”：文件已损坏或不是 Excel (.xlsx) 文件`);
    }
    const ws = wb.worksheets[0];
    if (!ws) refuse(`“${filename}”中没有工作表`);
    ws.eachRow({ includeEmpty: false }, (r) => {
      const cells: (string | Date | undefined)[] = [];
      r.eachCell({ includeEmpty: true }, (c, col) => (cells[col - 1] = cellValue(c.value)));
      table.push({ row: r.number, cells });
    });
  } else if (bytes[0] === 0xd0 && bytes[1] === 0xcf) {
    refuse(`“${filename}”是旧版 Excel (.xls) 文件，请在 Excel 中另存为 .xlsx 后再导入`);
  } else if (/\.(csv|txt)$/i.test(filename)) {
    let records: string[][];
    try {
      records = parseCsv(decodeText(bytes), { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
    } catch (e) {
      refuse(`无法读取“${filename}”：CSV 格式有误 (${e instanceof Error ? e.message : String(e)})`);
    }
    table = records.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => c.trim() || undefined) }));
  } else {
    refuse(`“${filename}”不是 Excel (.xlsx) 或 CSV 文件，请下载模板填写后导入`);
  }
  table = table.filter((r) => r.cells.some((c) => c !== undefined));
  const [head, ...data] = table;
  if (!head) refuse(`“${filename}”中没有内容，请下载模板填写后导入`);
  const index = new Map<K, number>();
  head.cells.forEach((c, i) => {
    if (typeof c !== 'string') return;
    const h = headerKey(c);
    const col = columns.find((x) => headerKey(x.header) === h || x.aliases?.some((a) => headerKey(a) === h));
    if (col && !index.has(col.key)) index.set(col.key, i);
  });
  const missing = columns.filter((c) => c.required && !index.has(c.key)).map((c) => headerKey(c.header));
  if (missing.length) refuse(`第 ${head.row} 行 (表头) 缺少列：${missing.join('、')}。请使用下载的导入模板，不要改动表头`);
  if (data.length === 0) refuse(`“${filename}”只有表头，没有数据行`);
  if (data.length > maxRows) refuse(`一次最多导入 ${maxRows} 行，“${filename}”有 ${data.length} 行，请分批导入`);
  return data.map((r) => ({
    row: r.row,
    values: Object.fromEntries([...index].map(([k, i]) => [k, r.cells[i]]).filter(([, v]) => v !== undefined)) as SheetRow<K>['values'],
  }));
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

/** The one file of a multipart upload (field `file`), refused with the limit named when larger than `maxBytes`. */
export async function uploadedFile(req: FastifyRequest, maxBytes: number): Promise<UploadedFile> {
  if (!req.isMultipart()) throw new AppError('FILE_REQUIRED');
  const part = await req.file({ limits: { fileSize: maxBytes + 1, files: 1 }, throwFileSizeLimit: false });
  if (!part) throw new AppError('FILE_REQUIRED');
  const bytes = await part.toBuffer();
  if (part.file.truncated || bytes.length > maxBytes)
    throw new AppError('FILE_TOO_LARGE', { name: part.filename, limit: `${String(Math.round(maxBytes / 1024 / 1024))} MB` });
  return { filename: part.filename, bytes };
}

/** Sends an .xlsx (a template) as a download named `filename`. */
export function sendXlsxFile(reply: FastifyReply, filename: string, bytes: Buffer) {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="template.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .send(bytes);
}
