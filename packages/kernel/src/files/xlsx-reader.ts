import { SaxesParser } from 'saxes';
import { entryText, inflateEntry, InflateBudget, ZipRefused, zipEntries, type ZipEntry } from './zip';

/**
 * What one spreadsheet may hold. Every limit is enforced while the file is read, so a file over one is refused
 * at the first row, cell or byte that passes it — never after the whole file was unpacked (issue #11 item 1).
 */
export interface SheetLimits {
  /** Data rows (the header not counted; empty rows skipped). */
  maxRows: number;
  /** The last column a filled cell may be in. */
  maxColumns: number;
  /** Characters in one cell (Excel's own maximum is 32,767). */
  maxCellChars: number;
  /** Distinct strings in the workbook's shared-string table. */
  maxSharedStrings: number;
  /** Bytes the parts read (workbook, styles, shared strings, the sheet) may inflate to, together. */
  maxUncompressedBytes: number;
}

/** A row of the sheet as read: its number as the spreadsheet shows it and its cells (index 0 = column A). */
export interface TableRow {
  row: number;
  cells: (string | Date | undefined)[];
}

/** A limit the file passed, in terms a person can find in the file. */
export class SheetRefused extends Error {
  constructor(
    readonly limit: keyof SheetLimits | 'corrupt' | 'encrypted' | 'no-sheet',
    readonly at: { row?: number; column?: string; value?: number } = {},
  ) {
    super(`${limit} ${JSON.stringify(at)}`);
    this.name = 'SheetRefused';
  }
}

/** 1 → A, 27 → AA. */
export function columnName(n: number): string {
  let s = '';
  for (let v = n; v > 0; v = Math.floor((v - 1) / 26)) s = String.fromCharCode(65 + ((v - 1) % 26)) + s;
  return s;
}

function columnOf(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

/** A shared string over the cell limit, refused where a cell uses it. */
const OVERLONG = Symbol('overlong');

const local = (name: string) => name.slice(name.indexOf(':') + 1);

// ECMA-376 Part 1, 18.8.30: the built-in number formats that show a date or time.
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** A custom format shows a date when, outside quoted text and [..] sections, it has date or time letters (as exceljs decides). */
const isDateFormat = (code: string) => /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** Excel's serial day (1900 or 1904 system) → Date, as exceljs converts it. */
const excelDate = (serial: number, date1904: boolean) => new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

/** Parses a small XML part whole (it is under the budget) calling `open` for every start tag. */
function scan(xml: string, open: (name: string, attrs: Record<string, string>) => void) {
  const p = new SaxesParser();
  p.on('opentag', (t) => open(local(t.name), t.attributes as Record<string, string>));
  p.write(xml).close();
}

/** Feeds a part to a SAX parser chunk by chunk as it inflates. */
async function stream(zip: Buffer, e: ZipEntry, budget: InflateBudget, p: SaxesParser) {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of inflateEntry(zip, e, budget)) p.write(decoder.decode(chunk, { stream: true }));
  p.write(decoder.decode()).close();
}

const resolve = (base: string, target: string) => {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
};

async function relationships(zip: Buffer, entries: Map<string, ZipEntry>, part: string, budget: InflateBudget) {
  const i = part.lastIndexOf('/');
  const rels = entries.get(`${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`);
  const out: { id: string; type: string; target: string }[] = [];
  if (!rels) return out;
  scan(await entryText(zip, rels, budget), (name, a) => {
    if (name === 'Relationship' && a.Id && a.Target) out.push({ id: a.Id, type: a.Type ?? '', target: resolve(part, a.Target) });
  });
  return out;
}

/**
 * The non-empty rows of the first worksheet of an .xlsx, read as a stream: the archive's parts are inflated chunk
 * by chunk into a SAX parser, and the limits are checked as each cell and row is read.
 */
export async function readXlsxRows(zip: Buffer, limits: SheetLimits): Promise<TableRow[]> {
  try {
    return await readRows(zip, limits);
  } catch (e) {
    if (e instanceof ZipRefused) {
      if (e.reason === 'too-large') throw new SheetRefused('maxUncompressedBytes', { value: limits.maxUncompressedBytes });
      throw new SheetRefused(e.reason === 'encrypted' ? 'encrypted' : 'corrupt');
    }
    if (e instanceof SheetRefused) throw e;
    throw new SheetRefused('corrupt'); // XML errors from the parser
  }
}

async function readRows(zip: Buffer, limits: SheetLimits): Promise<TableRow[]> {
  const entries = zipEntries(zip);
  const budget = new InflateBudget(limits.maxUncompressedBytes);
  const root = await relationships(zip, entries, '', budget);
  const workbookPath = root.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const workbook = entries.get(workbookPath);
  if (!workbook) throw new SheetRefused('corrupt');
  const rels = await relationships(zip, entries, workbookPath, budget);
  const part = (type: string) => {
    const r = rels.find((x) => x.type.endsWith(`/${type}`));
    return r ? entries.get(r.target) : undefined;
  };

  let firstSheetRel: string | undefined;
  let date1904 = false;
  budget.reserve([workbook]);
  scan(await entryText(zip, workbook, budget), (name, a) => {
    if (name === 'sheet' && firstSheetRel === undefined) firstSheetRel = a['r:id'] ?? Object.entries(a).find(([k]) => local(k) === 'id')?.[1];
    if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
  });
  const sheetTarget = rels.find((r) => r.id === firstSheetRel)?.target;
  const sheet = sheetTarget ? entries.get(sheetTarget) : undefined;
  if (!sheet) throw new SheetRefused('no-sheet');
  const styles = part('styles');
  const shared = part('sharedStrings');
  // A zip bomb declares its sizes (or lies about them, and is stopped while inflating): refused before any inflating.
  budget.reserve([sheet, ...(styles ? [styles] : []), ...(shared ? [shared] : [])]);

  // Which cell styles show dates: cellXfs[i].numFmtId, built-in or a custom format with date letters.
  const dateStyles: boolean[] = [];
  if (styles) {
    const custom = new Map<number, string>();
    let inCellXfs = false;
    const p = new SaxesParser();
    p.on('opentag', (t) => {
      const name = local(t.name);
      const a = t.attributes as Record<string, string>;
      if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        const code = custom.get(id);
        dateStyles.push(code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id));
      }
    });
    p.on('closetag', (t) => {
      if (local(t.name) === 'cellXfs') inCellXfs = false;
    });
    await stream(zip, styles, budget, p);
  }

  // Shared strings: kept up to the cell limit; a longer one is remembered by index and refused where a cell uses it.
  const strings: string[] = [];
  const overlong = new Set<number>();
  if (shared) {
    let text: string | undefined;
    let inPhonetic = false;
    let inText = false;
    const p = new SaxesParser();
    p.on('opentag', (t) => {
      const name = local(t.name);
      if (name === 'si') {
        if (strings.length >= limits.maxSharedStrings) throw new SheetRefused('maxSharedStrings', { value: limits.maxSharedStrings });
        text = '';
      } else if (name === 'rPh') inPhonetic = true;
      else if (name === 't' && !inPhonetic) inText = true;
    });
    p.on('text', (s) => {
      if (inText && text !== undefined && text.length <= limits.maxCellChars) text += s;
    });
    p.on('closetag', (t) => {
      const name = local(t.name);
      if (name === 't') inText = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') {
        if ((text ?? '').length > limits.maxCellChars) {
          overlong.add(strings.length);
          strings.push('');
        } else strings.push(text ?? '');
        text = undefined;
      }
    });
    await stream(zip, shared, budget, p);
  }

  const rows: TableRow[] = [];
  let row: TableRow | undefined;
  let lastRow = 0;
  let filled = false;
  let cell: { col: number; type: string; style: number; text: string; inValue: boolean; inInline: boolean; inPhonetic: boolean } | undefined;
  let lastCol = 0;
  const p = new SaxesParser();
  p.on('opentag', (t) => {
    const name = local(t.name);
    const a = t.attributes as Record<string, string>;
    if (name === 'row') {
      lastRow = a.r ? Number(a.r) : lastRow + 1;
      row = { row: lastRow, cells: [] };
      filled = false;
      lastCol = 0;
    } else if (name === 'c' && row) {
      lastCol = a.r ? columnOf(a.r) : lastCol + 1;
      cell = { col: lastCol, type: a.t ?? 'n', style: Number(a.s ?? 0), text: '', inValue: false, inInline: false, inPhonetic: false };
    } else if (cell) {
      if (name === 'v') cell.inValue = true;
      else if (name === 'is') cell.inInline = true;
      else if (name === 'rPh') cell.inPhonetic = true;
      else if (name === 't' && cell.inInline && !cell.inPhonetic) cell.inValue = true;
    }
  });
  p.on('text', (s) => {
    if (cell?.inValue && cell.text.length <= limits.maxCellChars) cell.text += s;
  });
  p.on('closetag', (t) => {
    const name = local(t.name);
    if (name === 'v' || name === 't') {
      if (cell) cell.inValue = false;
    } else if (name === 'rPh') {
      if (cell) cell.inPhonetic = false;
    } else if (name === 'c' && cell && row) {
      const value = cellOf(cell, strings, overlong, dateStyles, date1904);
      const at = { row: row.row, column: columnName(cell.col) };
      if (value === OVERLONG || (typeof value === 'string' && value.length > limits.maxCellChars))
        throw new SheetRefused('maxCellChars', { ...at, value: limits.maxCellChars });
      if (value !== undefined) {
        if (cell.col > limits.maxColumns) throw new SheetRefused('maxColumns', { ...at, value: limits.maxColumns });
        row.cells[cell.col - 1] = value;
        filled = true;
      }
      cell = undefined;
    } else if (name === 'row' && row) {
      if (filled) {
        // The first filled row is the header; the rows after it are counted against the limit as they come.
        if (rows.length > limits.maxRows) throw new SheetRefused('maxRows', { row: row.row, value: limits.maxRows });
        rows.push(row);
      }
      row = undefined;
    }
  });
  await stream(zip, sheet, budget, p);
  return rows;
}

function cellOf(
  c: { type: string; style: number; text: string },
  strings: readonly string[],
  overlong: ReadonlySet<number>,
  dateStyles: readonly boolean[],
  date1904: boolean,
): string | Date | undefined | typeof OVERLONG {
  const raw = c.text;
  switch (c.type) {
    case 's': {
      const i = Number(raw);
      if (overlong.has(i)) return OVERLONG;
      return strings[i]?.trim() || undefined;
    }
    case 'str':
    case 'inlineStr':
      return raw.trim() || undefined;
    case 'b':
      return raw === '' ? undefined : String(Number(raw) !== 0);
    case 'e':
      return undefined;
    default: {
      if (raw.trim() === '') return undefined;
      const n = parseFloat(raw);
      if (Number.isNaN(n)) return undefined;
      return dateStyles[c.style] ? excelDate(n, date1904) : String(n);
    }
  }
}
