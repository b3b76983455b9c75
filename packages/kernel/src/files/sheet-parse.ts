import { AppError } from '../errors';
import { csvRecords } from './csv-records';
import { formatBytes } from './file-types';
import { columnName, readXlsxRows, SheetRefused, type SheetLimits, type TableRow } from './xlsx-reader';

export type { SheetLimits } from './xlsx-reader';

/** Rows per import file unless the caller says otherwise: a county's registers fit, a mistake does not. */
export const MAX_IMPORT_ROWS = 2000;

/**
 * The limits of a file of `maxRows` rows. Columns: the widest template has 15, people add remarks — 64 leaves room.
 * Cells: twice the longest text the platform takes in one field (5,000), so an overlong cell is reported by its row
 * and a 32,767-character one is not read at all. Shared strings: no more than the cells such a file can fill.
 * Uncompressed: 4 MB per thousand rows (a court referral row is ~1.5 KB of XML), at least 32 MB for styles and the like.
 */
export function sheetLimits(maxRows: number = MAX_IMPORT_ROWS, override: Partial<Omit<SheetLimits, 'maxRows'>> = {}): SheetLimits {
  const maxColumns = override.maxColumns ?? 64;
  return {
    maxRows,
    maxColumns,
    maxCellChars: override.maxCellChars ?? 10_000,
    maxSharedStrings: override.maxSharedStrings ?? (maxRows + 1) * maxColumns,
    maxUncompressedBytes: override.maxUncompressedBytes ?? Math.max(32, Math.ceil(maxRows / 1000) * 4) * 1024 * 1024,
  };
}

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

function refuse(reason: string, status: 400 | 413 = 400): never {
  if (status === 413) throw new AppError('SHEET_TOO_LARGE', { reason });
  throw new AppError('VALIDATION_FAILED', { first: reason }, [{ field: 'file', message: reason }]);
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
export const headerKey = (s: string) => s.replace(/[（(][^）)]*[）)]/g, '').replace(/[\s*＊:：]/g, '');

/** The refusal of a file that passed a limit, saying where and what to do. */
function refusal(filename: string, e: SheetRefused): never {
  const { row, column, value = 0 } = e.at;
  const where = row !== undefined ? `第 ${row} 行${column ? ` ${column} 列` : ''}` : '';
  switch (e.limit) {
    case 'maxRows':
      return refuse(`一次最多导入 ${value} 行，“${filename}”超过了 ${value} 行 (读到${where}时)，请分批导入`);
    case 'maxColumns':
      return refuse(`“${filename}”${where}有内容，超出了 ${value} 列的上限：请只保留导入模板中的列后再导入`);
    case 'maxCellChars':
      return refuse(`“${filename}”${where}的内容超过 ${value} 字，请精简后再导入`);
    case 'maxSharedStrings':
      return refuse(`“${filename}”中不同的文字内容超过 ${value} 项，超出一次导入的上限，请分批导入`, 413);
    case 'maxUncompressedBytes':
      return refuse(
        `“${filename}”解压后超过 ${formatBytes(value)}，超出一次导入的上限 (文件可能含有大量模板以外的内容)：请只保留模板中的列和数据，或分批导入`,
        413,
      );
    case 'encrypted':
      return refuse(`“${filename}”设置了打开密码，请在 Excel 中取消密码后再导入`);
    case 'no-sheet':
      return refuse(`“${filename}”中没有工作表`);
    case 'corrupt':
      return refuse(`无法读取“${filename}”：文件已损坏或不是 Excel (.xlsx) 文件`);
  }
}

/** The non-empty records of a CSV, with the same limits as a sheet (its size is the upload's). */
function csvRows(filename: string, bytes: Buffer, limits: SheetLimits): TableRow[] {
  const rows: TableRow[] = [];
  let line = 0;
  try {
    // A quoted field that never closes would otherwise gather the rest of the file into one cell. The parser
    // counts UTF-8 bytes of the whole record: four full cells of four-byte characters pass, to be judged below.
    csvRecords(decodeText(bytes), limits.maxCellChars * 16, (record) => {
      line++;
      const cells: (string | undefined)[] = new Array<string | undefined>(record.length);
      let filled = false;
      for (let i = 0; i < record.length; i++) {
        const c = (record[i] as string).trim() || undefined;
        cells[i] = c;
        if (c === undefined) continue;
        filled = true;
        // the place of a refusal is worked out only for one (per cell it cost a third of reading the file)
        if (c.length > limits.maxCellChars) throw new SheetRefused('maxCellChars', { row: line, column: columnName(i + 1), value: limits.maxCellChars });
        if (i >= limits.maxColumns) throw new SheetRefused('maxColumns', { row: line, column: columnName(i + 1), value: limits.maxColumns });
      }
      if (filled) {
        if (rows.length > limits.maxRows) throw new SheetRefused('maxRows', { row: line, value: limits.maxRows });
        rows.push({ row: line, cells });
      }
    });
  } catch (e) {
    if (e instanceof SheetRefused) refusal(filename, e);
    if (e instanceof Error && 'code' in e && e.code === 'CSV_MAX_RECORD_SIZE')
      refuse(`“${filename}”第 ${line + 1} 行的内容超过 ${limits.maxCellChars} 字 (可能有未闭合的引号)，请检查后再导入`);
    refuse(`无法读取“${filename}”：CSV 格式有误 (${e instanceof Error ? e.message : String(e)})`);
  }
  return rows;
}

/**
 * The rows of an uploaded .xlsx (its first sheet) or .csv: the first non-empty row is the header, matched to
 * `columns` by header or alias; empty rows are skipped. A file that cannot be read, lacks a required column or
 * passes a limit is refused whole with a message that says what to do. CPU-bound: run it off the request thread
 * (`readSheet` does, in a worker).
 */
export async function parseSheet<K extends string>(
  file: { filename: string; bytes: Buffer },
  columns: readonly Pick<SheetColumn<K>, 'key' | 'header' | 'aliases' | 'required'>[],
  limits: SheetLimits,
): Promise<SheetRow<K>[]> {
  const { filename, bytes } = file;
  if (bytes.length === 0) refuse(`文件“${filename}”是空文件，请选择填好的模板`);
  let table: TableRow[] = [];
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    try {
      table = await readXlsxRows(bytes, limits);
    } catch (e) {
      if (e instanceof SheetRefused) refusal(filename, e);
      throw e;
    }
  } else if (bytes[0] === 0xd0 && bytes[1] === 0xcf) {
    refuse(`“${filename}”是旧版 Excel (.xls) 文件，请在 Excel 中另存为 .xlsx 后再导入`);
  } else if (/\.(csv|txt)$/i.test(filename)) {
    table = csvRows(filename, bytes, limits);
  } else {
    refuse(`“${filename}”不是 Excel (.xlsx) 或 CSV 文件，请下载模板填写后导入`);
  }
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
  const keyed = [...index];
  return data.map((r) => {
    const values: Partial<Record<K, string | Date>> = {};
    for (const [k, i] of keyed) {
      const v = r.cells[i];
      if (v !== undefined) values[k] = v;
    }
    return { row: r.row, values };
  });
}
