import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { csvRecords } from './csv-records';

const records = (text: string, max = 160_000) => {
  const out: string[][] = [];
  csvRecords(text, max, (cells) => out.push(cells));
  return out;
};
const byCsvParse = (text: string, max = 160_000): string[][] =>
  parse(text, { bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, max_record_size: max });

describe('the records of a CSV', () => {
  const texts = {
    'plain, \\n': '法院案号,法院\n(2026)赣0702民诉前调1号,章贡区人民法院\n',
    'no final line break': 'a,b\nc,d',
    'CRLF, as Excel saves it': 'a,b\r\nc,d\r\n',
    'a BOM': '\ufeffa,b\nc,d\n',
    'empty lines in the middle and at the end': 'a,b\n\nc\n\n',
    'ragged rows and empty cells': 'a,b,c\n1\n,,\n 2 , 3 ,\n',
    'only a line break': '\n',
    empty: '',
    'quoted cells (csv-parse reads it)': 'a,b\n"x, y","say ""hi"""\n',
    'a quote inside a cell': 'a,b\n5" disk,c\n',
    'a quoted line break': 'a,b\n"one\ntwo",c\n',
    'mixed line endings': 'a,b\nc,d\r\ne,f\n',
    'a lone carriage return': 'a,b\rc,d\r',
  };
  test.each(Object.entries(texts))('%s: as csv-parse reads it', (_name, text) => {
    expect(records(text)).toEqual(byCsvParse(text));
  });

  test('a line that reaches the record limit is left to csv-parse, which refuses it as before', () => {
    const text = `a,b\n${'长'.repeat(400)},c\n`;
    expect(() => records(text, 1000)).toThrow(expect.objectContaining({ code: 'CSV_MAX_RECORD_SIZE' }) as Error);
    expect(() => byCsvParse(text, 1000)).toThrow(expect.objectContaining({ code: 'CSV_MAX_RECORD_SIZE' }) as Error);
  });

  // Speed is measured by the bench (measure 3), never by a timed test: here only that a large file reads the same.
  test('a file of 20,000 unquoted rows reads the same as csv-parse reads it', () => {
    const text = `${Array.from({ length: 20_000 }, (_, i) => `(2026)赣0702民诉前调${i}号,章贡区人民法院,委派,,合同,买卖合同纠纷,买方未按约支付货款,赵建国${i},360702195001010011,13900000000`).join('\n')}\n`;
    expect(records(text)).toHaveLength(20_000);
    expect(records(text)).toEqual(byCsvParse(text));
  });
});
