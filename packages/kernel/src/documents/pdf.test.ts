import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { beforeAll, describe, expect, test } from 'vitest';
import { pdfInfo, pdfText, requirePoppler } from '@sifa/testing';
import { chineseDate, QR_LEVEL, QR_MARGIN, renderPdf, type NoticeSpec } from './pdf';
import { base32, newVerifyCode, normalizeVerifyCode, verifyUrl } from './verify-code';

const poppler = requirePoppler();

const notice: NoticeSpec = {
  issuingUnit: '赣州市章贡区司法局',
  title: '人民调解受理通知书',
  number: '赣章调〔2026〕1号',
  addressee: '张三：',
  body: [
    '你于2026年5月6日申请调解的相邻关系纠纷，符合受理条件，本委员会决定予以受理。',
    '请于2026年5月15日上午9时携带身份证件到解放街道人民调解委员会参加调解。',
  ],
  date: '2026-05-08',
  verifyUrl: 'https://sifa.example.gov.cn/verify/MFRGGZDFMZTWQ2LKNNWG23TPOA',
};

/** The first image of the PDF as RGB pixels (pdfimages writes the QR code's PNG as a binary PPM). */
function firstImage(pdf: Buffer): { width: number; height: number; rgb: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'sifa-pdfimg-'));
  try {
    writeFileSync(join(dir, 'doc.pdf'), pdf);
    const r = spawnSync('pdfimages', ['-f', '1', join(dir, 'doc.pdf'), join(dir, 'img')]);
    if (r.status !== 0) throw new Error(r.stderr.toString());
    const file = readdirSync(dir)
      .filter((f) => f.endsWith('.ppm'))
      .sort()[0];
    if (!file) throw new Error('PDF 中没有图片');
    const bytes = readFileSync(join(dir, file));
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 40).toString('latin1'));
    if (!header) throw new Error('不是 P6 格式的 PPM');
    return { width: Number(header[1]), height: Number(header[2]), rgb: bytes.subarray(header[0].length) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the official notice PDF', () => {
  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await renderPdf(notice);
  });

  test('is a PDF that embeds subsets of the Noto CJK fonts', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifCJKsc-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKsc-Bold/);
    expect(pdf.length).toBeLessThan(400_000); // subsetted, not the 26 MB collections
  });

  test.skipIf(!poppler)('text extracted with pdftotext contains the Chinese unit, title, number, date and body', () => {
    const text = pdfText(pdf);
    for (const s of ['赣州市章贡区司法局', '人民调解受理通知书', '赣章调〔2026〕1号', '2026年5月8日', '张三：', '相邻关系纠纷', '扫码核验真伪']) {
      expect(text).toContain(s);
    }
  });

  test.skipIf(!poppler)('prints the verification address under the QR code', () => {
    expect(pdfText(pdf).replace(/\s+/g, ' ')).toContain(`核验网址 ${notice.verifyUrl}`);
  });

  test('links the QR code to the verification address (clickable in the electronic copy)', () => {
    expect(pdf.toString('latin1')).toContain(`/URI (${notice.verifyUrl})`);
  });

  test.skipIf(!poppler)('keeps the verification address, number, unit and title in the PDF metadata', () => {
    expect(pdfInfo(pdf)).toMatchObject({ Keywords: notice.verifyUrl, Subject: notice.number, Author: notice.issuingUnit, Title: notice.title, Pages: '1' });
  });

  test.skipIf(!poppler)('the printed QR code has exactly the modules of a QR code for the verification address', () => {
    const img = firstImage(pdf);
    const qr = QRCode.create(notice.verifyUrl, { errorCorrectionLevel: QR_LEVEL });
    const n = qr.modules.size;
    const scale = img.width / (n + 2 * QR_MARGIN);
    expect(img.height).toBe(img.width);
    expect(Number.isInteger(scale)).toBe(true);
    const dark = (row: number, col: number) => {
      const x = Math.floor((QR_MARGIN + col + 0.5) * scale);
      const y = Math.floor((QR_MARGIN + row + 0.5) * scale);
      return (img.rgb[(y * img.width + x) * 3] ?? 255) < 128;
    };
    const mismatches: string[] = [];
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (dark(r, c) !== Boolean(qr.modules.get(r, c))) mismatches.push(`${r},${c}`);
    expect(mismatches).toEqual([]);
  });

  test.skipIf(!poppler)('a long notice runs over pages with page numbers and keeps the QR code on the last page', async () => {
    const long = await renderPdf({ ...notice, body: Array.from({ length: 20 }, (_, i) => `第${i + 1}段：${'本段文字用于检验分页。'.repeat(8)}`) });
    const pages = pdfText(long)
      .split('\f')
      .filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]).toMatch(/—\s*1\s*—/);
    expect(pages.at(-1)).toContain('扫码核验真伪');
    expect(pages.at(-1)).toContain('2026年5月8日');
    expect(pages.slice(0, -1).join('')).not.toContain('扫码核验真伪');
  });
});

describe('dates, verification codes and addresses', () => {
  test('the date is written the GB/T 9704 way, without leading zeros', () => {
    expect(chineseDate('2026-05-08')).toBe('2026年5月8日');
    expect(chineseDate('2026-12-31')).toBe('2026年12月31日');
    expect(() => chineseDate('2026/5/8')).toThrow('YYYY-MM-DD');
  });

  test('base32 follows RFC 4648 (test vectors of section 10, without padding)', () => {
    const enc = (s: string) => base32(Buffer.from(s));
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map(enc)).toEqual(['', 'MY', 'MZXQ', 'MZXW6', 'MZXW6YQ', 'MZXW6YTB', 'MZXW6YTBOI']);
  });

  test('a verification code is 128 random bits in 26 base32 characters, different every time', () => {
    const codes = Array.from({ length: 200 }, newVerifyCode);
    for (const c of codes) expect(c).toMatch(/^[A-Z2-7]{26}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  test('a typed code is accepted in any case, with spaces or hyphens; anything else is not a code', () => {
    const code = newVerifyCode();
    expect(normalizeVerifyCode(code.toLowerCase())).toBe(code);
    expect(normalizeVerifyCode(`${code.slice(0, 13)}-${code.slice(13)}`)).toBe(code);
    expect(normalizeVerifyCode('../../etc/passwd')).toBeUndefined();
    expect(normalizeVerifyCode(code.slice(1))).toBeUndefined();
  });

  test('the QR address is the public base URL, /verify/ and the code, whatever trailing slashes the base has', () => {
    expect(verifyUrl('https://sifa.example.gov.cn', 'ABC')).toBe('https://sifa.example.gov.cn/verify/ABC');
    expect(verifyUrl('https://sifa.example.gov.cn/', 'ABC')).toBe('https://sifa.example.gov.cn/verify/ABC');
    expect(verifyUrl('http://10.0.0.5:8080/sifa//', 'ABC')).toBe('http://10.0.0.5:8080/sifa/verify/ABC');
  });
});
