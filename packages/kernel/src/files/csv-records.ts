import { parse as parseCsv } from 'csv-parse/sync';

/**
 * The records of a CSV text, one `onRecord(cells)` call each, in order — empty lines included (as one empty cell),
 * as csv-parse gives them with `bom`, `relax_column_count`, `relax_quotes` and `skip_empty_lines: false`.
 *
 * Most files a court or a unit exports have no quoted field at all: then a record is a line and a cell is what lies
 * between commas, and splitting is a tenth of csv-parse's time (10^5 court referrals: 0.6 s against 5.9 s on a loaded
 * machine; docs/adr/0022-court-import-read.md). Any text csv-parse could read otherwise — a quote anywhere, a line
 * break other than one kind of \n or \r\n throughout, or a line long enough to reach `maxRecordChars` — goes to
 * csv-parse whole, so its answers and refusals (CSV_MAX_RECORD_SIZE) stay exactly as they were.
 */
export function csvRecords(text: string, maxRecordChars: number, onRecord: (cells: string[]) => void): void {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = quoteFreeLines(body, maxRecordChars);
  if (!lines) {
    parseCsv(text, {
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: maxRecordChars,
      on_record: (record: string[]) => {
        onRecord(record);
        return null; // kept by the caller, not by the parser
      },
    });
    return;
  }
  for (const line of lines) onRecord(line.split(','));
}

/**
 * The lines of `text` when splitting by line is what csv-parse would do: no quote, one line ending throughout (\n or
 * \r\n; csv-parse takes the first it meets), no line near the record limit (csv-parse counts bytes, so a line of a
 * quarter of the limit in characters could already pass it). Otherwise undefined.
 */
function quoteFreeLines(text: string, maxRecordChars: number): string[] | undefined {
  if (text.includes('"')) return undefined;
  const cr = text.includes('\r');
  const lines = text.split(cr ? '\r\n' : '\n');
  if (lines.at(-1) === '') lines.pop(); // the last line's ending starts no record
  const tooLong = Math.floor(maxRecordChars / 4);
  for (const line of lines) if (line.length >= tooLong || (cr && (line.includes('\r') || line.includes('\n')))) return undefined;
  return lines;
}
