import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/**
 * The CJK fonts (Debian `fonts-noto-cjk`). A .ttc holds several fonts: pdfkit picks one by its PostScript
 * name (`fc-query -f '%{postscriptname}\n' FILE` lists them); the `sc` ones have the Simplified Chinese glyphs.
 */
export const CJK_FONTS = {
  serif: { file: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', name: 'NotoSerifCJKsc-Regular' },
  sansBold: { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', name: 'NotoSansCJKsc-Bold' },
} as const;

/** What an official notice shows; the service fills in the unit, number, date and verification address. */
export interface NoticeSpec {
  /** 发文机关: printed as the red header and as the signature. */
  issuingUnit: string;
  title: string;
  /** 发文字号, e.g. 赣章调〔2026〕1号. */
  number: string;
  /** 主送: printed flush left above the body, e.g. “张三：”. */
  addressee?: string | undefined;
  body: readonly string[];
  /** 成文日期, YYYY-MM-DD; printed as 2026年5月8日. */
  date: string;
  /** The public verification page the QR code opens. */
  verifyUrl: string;
}

const MM = 72 / 25.4;
// GB/T 9704-2012 党政机关公文格式: A4, margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; body in 3号
// (15.75 pt) with 28 characters a line and 22 lines a page; the issuing unit's mark in red; a red rule below the number.
const PAGE = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM };
const BODY_SIZE = 15.75;
const LINE_GAP = 13; // 15.75 pt glyphs on a ~29 pt pitch: 22 lines in the 225 mm text block
const RED = '#C8161D';
const QR_SIZE = 22 * MM;
/** Quiet zone around the QR code, in modules. */
export const QR_MARGIN = 2;
/** Error correction M (15 %): survives a fold or a smudge on a printed notice. */
export const QR_LEVEL = 'M';

const fontCache = new Map<string, Promise<Buffer>>();

/** Refuses early, with what to install, when a font file is missing (rendering itself happens on a worker). */
export function checkFonts(): void {
  for (const { file } of Object.values(CJK_FONTS)) {
    if (!existsSync(file)) throw new Error(`缺少中文字体文件 ${file}，无法生成文书 PDF：请安装 Debian 软件包 fonts-noto-cjk (apt-get install fonts-noto-cjk)`);
  }
}

/** The font files' bytes, read once per process (parsing a 26 MB collection from disk costs ~1 s per document). */
export function loadFonts(): Promise<Buffer[]> {
  return Promise.all(
    Object.values(CJK_FONTS).map(({ file }) => {
      let bytes = fontCache.get(file);
      if (!bytes) {
        if (!existsSync(file)) {
          throw new Error(`缺少中文字体文件 ${file}，无法生成文书 PDF：请安装 Debian 软件包 fonts-noto-cjk (apt-get install fonts-noto-cjk)`);
        }
        bytes = readFile(file);
        bytes.catch(() => fontCache.delete(file));
        fontCache.set(file, bytes);
      }
      return bytes;
    }),
  );
}

/** 2026-05-08 → 2026年5月8日 (GB/T 9704: Arabic numerals, no leading zeros). */
export function chineseDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new Error(`日期格式应为 YYYY-MM-DD：${isoDate}`);
  return `${m[1] ?? ''}年${Number(m[2])}月${Number(m[3])}日`;
}

/** The largest size ≤ `max` at which `text` fits in `width` on one line. */
function fitSize(doc: PDFKit.PDFDocument, text: string, width: number, max: number, characterSpacing: number): number {
  doc.fontSize(max);
  const glyphs = doc.widthOfString(text);
  const spacing = characterSpacing * Math.max(0, Array.from(text).length - 1);
  return glyphs + spacing <= width ? max : Math.floor((max * (width - spacing)) / glyphs);
}

/** Writes outside the text block (footer, caption) without pdfkit starting a new page. */
function inMargin(doc: PDFKit.PDFDocument, draw: () => void) {
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  draw();
  doc.page.margins.bottom = bottom;
}

/**
 * Renders an official notice as PDF: red issuing-unit header, document number and red rule, title, addressee,
 * body, signature and date, and bottom right a QR code to the public verification page captioned 扫码核验真伪.
 * The verification address is also printed under the code and stored as the PDF's keywords.
 */
export async function renderPdf(spec: NoticeSpec): Promise<Buffer> {
  const [serif, sansBold] = await loadFonts();
  if (!serif || !sansBold) throw new Error('中文字体未加载');
  const qr = await QRCode.toBuffer(spec.verifyUrl, { type: 'png', errorCorrectionLevel: QR_LEVEL, margin: QR_MARGIN, scale: 8 });
  const doc = new PDFDocument({
    size: 'A4',
    margins: PAGE,
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: spec.title, Author: spec.issuingUnit, Subject: spec.number, Keywords: spec.verifyUrl, Creator: 'Sifa 智慧司法行政平台' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('serif', serif, CJK_FONTS.serif.name);
  doc.registerFont('sans-bold', sansBold, CJK_FONTS.sansBold.name);

  const left = PAGE.left;
  const width = doc.page.width - PAGE.left - PAGE.right;
  const right = left + width;

  // 版头: issuing unit in red, the number centred below, the red rule 4 mm under the number.
  doc.font('sans-bold').fillColor(RED);
  doc.fontSize(fitSize(doc, spec.issuingUnit, width, 34, 2)).text(spec.issuingUnit, left, PAGE.top, { width, align: 'center', characterSpacing: 2 });
  doc.moveDown(0.8);
  doc.font('serif').fillColor('black').fontSize(BODY_SIZE).text(spec.number, left, doc.y, { width, align: 'center' });
  const ruleY = doc.y + 4 * MM;
  doc.moveTo(left, ruleY).lineTo(right, ruleY).lineWidth(1.2).strokeColor(RED).stroke();

  // 标题: two lines below the rule, centred.
  doc
    .font('sans-bold')
    .fillColor('black')
    .fontSize(22)
    .text(spec.title, left, ruleY + 2 * (BODY_SIZE + LINE_GAP), { width, align: 'center', lineGap: 6 });
  doc.moveDown(0.8);

  doc.font('serif').fontSize(BODY_SIZE);
  if (spec.addressee) doc.text(spec.addressee, left, doc.y, { width, lineGap: LINE_GAP });
  for (const para of spec.body) doc.text(para, left, doc.y, { width, lineGap: LINE_GAP, indent: 2 * BODY_SIZE, align: 'justify' });

  // 落款: the date four characters from the right edge, the unit centred over it; kept clear of the QR code.
  const pitch = BODY_SIZE + LINE_GAP;
  // The QR code's lower edge sits on the text block's; its caption and the address go in the bottom margin.
  const qrTop = doc.page.height - PAGE.bottom - QR_SIZE;
  if (doc.y + 2 * pitch + BODY_SIZE > qrTop - 4) doc.addPage();
  const date = chineseDate(spec.date);
  const dateW = doc.widthOfString(date);
  const dateX = right - 4 * BODY_SIZE - dateW;
  const unitW = doc.widthOfString(spec.issuingUnit);
  const unitX = Math.min(dateX + dateW / 2 - unitW / 2, right - unitW);
  const signY = doc.y + pitch;
  doc.text(spec.issuingUnit, unitX, signY, { lineBreak: false });
  doc.text(date, dateX, signY + pitch, { lineBreak: false });

  // 核验码: bottom right of the last page.
  const qrX = right - QR_SIZE;
  doc.image(qr, qrX, qrTop, { width: QR_SIZE, height: QR_SIZE });
  doc.link(qrX, qrTop, QR_SIZE, QR_SIZE, spec.verifyUrl);
  inMargin(doc, () => {
    doc
      .font('sans-bold')
      .fontSize(8)
      .fillColor('black')
      .text('扫码核验真伪', qrX - 10, qrTop + QR_SIZE + 2, { width: QR_SIZE + 20, align: 'center', lineBreak: false });
    doc
      .font('serif')
      .fontSize(6.5)
      .fillColor('#555555')
      .text(`核验网址 ${spec.verifyUrl}`, left, qrTop + QR_SIZE + 14, { width, align: 'right', lineBreak: false });
  });

  // 页码: “— n —” below the text block when the notice runs over one page.
  const range = doc.bufferedPageRange();
  if (range.count > 1) {
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      inMargin(doc, () => {
        doc
          .font('serif')
          .fontSize(14)
          .fillColor('black')
          .text(`— ${i - range.start + 1} —`, left, doc.page.height - PAGE.bottom + 10 * MM, { width, align: 'center', lineBreak: false });
      });
    }
  }
  doc.end();
  return done;
}
