import ExcelJS from 'exceljs';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { handmadeXlsx as xlsx } from '@sifa/testing';
import { AppError } from '../errors';
import { closeWorkers, configureWorkers, DEFAULT_WORKER_SETTINGS } from '../workers/pool';
import { readSheet, type SheetColumn } from './table-file';

const columns: SheetColumn<'name' | 'date' | 'note'>[] = [
  { key: 'name', header: '名称*', required: true, hint: '' },
  { key: 'date', header: '成立日期', aliases: ['日期'], hint: '' },
  { key: 'note', header: '备注', hint: '' },
];

afterAll(() => closeWorkers());
afterEach(() => configureWorkers(DEFAULT_WORKER_SETTINGS));

async function workbook(rows: (string | number | Date | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const headerRow = `<row r="1">${inline('A1', '名称')}${inline('B1', '日期')}</row>`;

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

describe('reading an import sheet', () => {
  test('reads an Excel file as the exceljs loader did: headers by alias, dates, numbers, rich text; empty rows skipped', async () => {
    const bytes = await workbook([['名称*', '日期', '备注'], ['某调委会', new Date(Date.UTC(2024, 2, 1)), 12.5], [], ['另一调委会', null, '  有空格  ']]);
    const rows = await readSheet({ filename: '调委会.xlsx', bytes }, columns);
    expect(rows).toEqual([
      { row: 2, values: { name: '某调委会', date: new Date(Date.UTC(2024, 2, 1)), note: '12.5' } },
      { row: 4, values: { name: '另一调委会', note: '有空格' } },
    ]);
  });

  test('reads shared strings (with rich-text runs, without phonetic hints) and a CSV in GBK', async () => {
    const shared = '<sst><si><t>名称</t></si><si><r><t>章贡</t></r><r><t>调委会</t></r><rPh><t>zhang</t></rPh></si></sst>';
    const rows = await readSheet(
      { filename: 'a.xlsx', bytes: xlsx('<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>', { shared }) },
      columns,
    );
    expect(rows).toEqual([{ row: 2, values: { name: '章贡调委会' } }]);
    const csv = await readSheet(
      { filename: 'a.csv', bytes: Buffer.from('c3fbb3c62cb1b8d7a20ab8d3d6ddb5f7ceafbbe12ccede0a', 'hex') /* 名称,备注 赣州调委会,无 in GBK */ },
      columns,
    );
    expect(csv).toEqual([{ row: 2, values: { name: '赣州调委会', note: '无' } }]);
  });

  test('a zip bomb that declares its size is refused at once with 413, before anything is inflated', async () => {
    // 200 MB of rows deflate to ~200 KB; the declared size is over the limit.
    const rows = Buffer.from(`<row>${inline('A1', '某')}</row>`.repeat(1000));
    const sheet = Buffer.concat([Buffer.from('<worksheet><sheetData>'), ...Array<Buffer>(4000).fill(rows), Buffer.from('</sheetData></worksheet>')]);
    const bomb = xlsx(sheet);
    expect(bomb.length).toBeLessThan(sheet.length / 100);
    const started = performance.now();
    const e = await refusal(readSheet({ filename: '炸弹.xlsx', bytes: bomb }, columns));
    expect(performance.now() - started).toBeLessThan(3000); // the exceljs loader took ~10 s and ~4 GB on this
    expect(e.status).toBe(413);
    expect(e.message).toBe('“炸弹.xlsx”解压后超过 32 MB，超出一次导入的上限 (文件可能含有大量模板以外的内容)：请只保留模板中的列和数据，或分批导入');
  });

  test('a zip bomb that lies about its size is stopped while inflating, at the limit', async () => {
    const filler = Buffer.from(`<row>${'<c/>'.repeat(1000)}</row>`.repeat(1000)); // 4 MB of empty rows
    const sheet = Buffer.concat([Buffer.from(`<worksheet><sheetData>${headerRow}`), filler, filler, filler, Buffer.from('</sheetData></worksheet>')]);
    const e = await refusal(
      readSheet({ filename: 'b.xlsx', bytes: xlsx(sheet, { declare: 1000 }) }, columns, { limits: { maxUncompressedBytes: 1024 * 1024 } }),
    );
    expect(e).toMatchObject({ status: 413, code: 'SHEET_TOO_LARGE' });
    expect(e.message).toContain('解压后超过 1 MB');
  });

  test('rows over the limit are refused at the first row past it, not after reading the rest', async () => {
    const data = Array.from({ length: 50 }, (_, i) => `<row r="${i + 2}">${inline(`A${i + 2}`, `调委会${i}`)}</row>`).join('');
    const e = await refusal(readSheet({ filename: 'c.xlsx', bytes: xlsx(headerRow + data) }, columns, { maxRows: 10 }));
    expect(e).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(e.message).toBe('提交的内容有误：一次最多导入 10 行，“c.xlsx”超过了 10 行 (读到第 12 行时)，请分批导入');
    const csv = `名称\n${Array.from({ length: 20 }, (_, i) => `调委会${i}`).join('\n')}\n`;
    expect((await refusal(readSheet({ filename: 'c.csv', bytes: Buffer.from(csv) }, columns, { maxRows: 10 }))).message).toContain('读到第 12 行时');
  });

  test('a filled cell past the column limit, an overlong cell and too many shared strings are refused with where they are', async () => {
    const wide = await refusal(
      readSheet({ filename: 'd.xlsx', bytes: xlsx(`${headerRow}<row r="2">${inline('A2', '某')}${inline('BZ2', '备注')}</row>`) }, columns),
    );
    expect(wide.message).toBe('提交的内容有误：“d.xlsx”第 2 行 BZ 列有内容，超出了 64 列的上限：请只保留导入模板中的列后再导入');
    // Empty formatted cells far right (Excel writes them) are no content.
    expect(await readSheet({ filename: 'd.xlsx', bytes: xlsx(`${headerRow}<row r="2">${inline('A2', '某')}<c r="XFD2" s="1"/></row>`) }, columns)).toHaveLength(
      1,
    );

    const long = '调'.repeat(10_001);
    const inlineLong = await refusal(
      readSheet({ filename: 'e.xlsx', bytes: xlsx(`${headerRow}<row r="2">${inline('A2', '某')}${inline('B2', long)}</row>`) }, columns),
    );
    expect(inlineLong.message).toBe('提交的内容有误：“e.xlsx”第 2 行 B 列的内容超过 10000 字，请精简后再导入');
    const sharedLong = await refusal(
      readSheet(
        {
          filename: 'e.xlsx',
          bytes: xlsx(`${headerRow}<row r="3"><c r="C3" t="s"><v>1</v></c></row>`, { shared: `<sst><si><t>a</t></si><si><t>${long}</t></si></sst>` }),
        },
        columns,
      ),
    );
    expect(sharedLong.message).toContain('第 3 行 C 列的内容超过 10000 字');
    const csvLong = await refusal(readSheet({ filename: 'e.csv', bytes: Buffer.from(`名称,备注\n某,${long}\n`) }, columns));
    expect(csvLong.message).toContain('第 2 行 B 列的内容超过 10000 字');

    const many = `<sst>${'<si><t>x</t></si>'.repeat(100)}</sst>`;
    const strings = await refusal(readSheet({ filename: 'f.xlsx', bytes: xlsx(headerRow, { shared: many }) }, columns, { limits: { maxSharedStrings: 50 } }));
    expect(strings).toMatchObject({ status: 413, message: '“f.xlsx”中不同的文字内容超过 50 项，超出一次导入的上限，请分批导入' });
  });

  test('a damaged file, or one whose XML defines entities (billion laughs, external files), is refused as damaged', async () => {
    const cut = (await workbook([['名称'], ['某']])).subarray(0, 300);
    expect((await refusal(readSheet({ filename: 'g.xlsx', bytes: cut }, columns))).message).toContain('无法读取“g.xlsx”：文件已损坏或不是 Excel (.xlsx) 文件');
    const laughs = Buffer.from(
      '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">' +
        '<!ENTITY x SYSTEM "file:///etc/passwd">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&c;&x;</t></is></c></row></sheetData></worksheet>',
    );
    expect((await refusal(readSheet({ filename: 'g.xlsx', bytes: xlsx(laughs) }, columns))).message).toContain('文件已损坏');
  });

  test('parsing runs on a worker thread: the request thread keeps serving while a large file is read', async () => {
    const rows: (string | number)[][] = [['名称', '日期', '备注']];
    for (let i = 0; i < 30_000; i++) rows.push([`调委会${i}`, '2024-03-01', `备注${i}`]);
    const bytes = await workbook(rows);
    await readSheet({ filename: 'h.xlsx', bytes: await workbook([['名称'], ['某']]) }, columns); // the worker is up
    let longest = 0;
    let last = performance.now();
    const tick = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 5);
    const started = performance.now();
    const read = await readSheet({ filename: 'h.xlsx', bytes }, columns, { maxRows: 50_000 });
    const took = performance.now() - started;
    clearInterval(tick);
    expect(read).toHaveLength(30_000);
    expect(read[29_999]).toEqual({ row: 30_001, values: { name: '调委会29999', date: '2024-03-01', note: '备注29999' } });
    expect(took).toBeGreaterThan(200); // real work …
    expect(longest).toBeLessThan(Math.max(150, took / 4)); // … while this thread's timers kept firing
  });

  test('a file that would exhaust memory ends its worker, not the process: 413, and the next file is read by a fresh one', async () => {
    const rows: string[][] = [['名称', '备注']];
    // long enough notes that the worker runs out of its 24 MB even without the PDF renderer loaded (workers/tasks.ts)
    for (let i = 0; i < 20_000; i++) rows.push([`调委会${String(i)}`, `备注${String(i)}`.repeat(40)]);
    const bytes = await workbook(rows);
    await closeWorkers();
    configureWorkers({ maxHeapMb: 24 });
    const e = await refusal(readSheet({ filename: 'j.xlsx', bytes }, columns, { maxRows: 50_000 }));
    expect(e).toMatchObject({ status: 413, code: 'WORK_TOO_LARGE' });
    configureWorkers(DEFAULT_WORKER_SETTINGS);
    expect(await readSheet({ filename: 'j.xlsx', bytes }, columns, { maxRows: 50_000 })).toHaveLength(20_000);
  });

  test('a task running past its time is stopped and refused with 413; the next task gets a fresh worker', async () => {
    configureWorkers({ taskTimeoutMs: 1 });
    const e = await refusal(readSheet({ filename: 'i.xlsx', bytes: await workbook([['名称'], ['某']]) }, columns));
    expect(e).toMatchObject({ status: 413, code: 'WORK_TIMEOUT' });
    configureWorkers({ taskTimeoutMs: 60_000 });
    expect(await readSheet({ filename: 'i.xlsx', bytes: await workbook([['名称'], ['某']]) }, columns)).toHaveLength(1);
  });
});
