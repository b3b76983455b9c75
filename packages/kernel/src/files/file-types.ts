import { AppError } from '../errors';

/**
 * A file type the platform accepts: the extension a person sees, the MIME type the server answers with, and
 * how its first bytes look. Both must agree — an executable renamed to `.pdf` is refused.
 */
export interface FileType {
  ext: string;
  mime: string;
  /** What the type is called in a message, e.g. “PDF 文档”. */
  label: string;
  /** True when `head` (the first bytes of the file) has this type's signature. */
  sniff: (head: Buffer) => boolean;
}

const startsWith = (head: Buffer, bytes: readonly number[], at = 0) => bytes.every((b, i) => head[at + i] === b);

const ZIP = [0x50, 0x4b, 0x03, 0x04]; // docx and xlsx are Office Open XML packages (ZIP)
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // doc and xls: Compound File Binary

/** Plain text has no signature: accept UTF-8 or GB18030 text, i.e. no NUL and no control bytes besides layout. */
function looksLikeText(head: Buffer): boolean {
  for (const b of head) {
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) return false;
    if (b === 0x7f) return false;
  }
  return true;
}

/** MPEG audio: an ID3v2 tag, or a frame header starting with 11 set sync bits. */
const looksLikeMp3 = (head: Buffer) => startsWith(head, [0x49, 0x44, 0x33]) || (head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0);

/** The accepted types (court evidence, application forms, scans, spreadsheets, hearing recordings). */
export const FILE_TYPES: readonly FileType[] = [
  { ext: 'pdf', mime: 'application/pdf', label: 'PDF 文档', sniff: (h) => startsWith(h, [0x25, 0x50, 0x44, 0x46, 0x2d]) },
  { ext: 'jpg', mime: 'image/jpeg', label: 'JPEG 图片', sniff: (h) => startsWith(h, [0xff, 0xd8, 0xff]) },
  { ext: 'jpeg', mime: 'image/jpeg', label: 'JPEG 图片', sniff: (h) => startsWith(h, [0xff, 0xd8, 0xff]) },
  { ext: 'png', mime: 'image/png', label: 'PNG 图片', sniff: (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { ext: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word 文档', sniff: (h) => startsWith(h, ZIP) },
  { ext: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel 表格', sniff: (h) => startsWith(h, ZIP) },
  { ext: 'doc', mime: 'application/msword', label: 'Word 97-2003 文档', sniff: (h) => startsWith(h, OLE2) },
  { ext: 'xls', mime: 'application/vnd.ms-excel', label: 'Excel 97-2003 表格', sniff: (h) => startsWith(h, OLE2) },
  { ext: 'txt', mime: 'text/plain; charset=utf-8', label: '纯文本', sniff: looksLikeText },
  { ext: 'mp3', mime: 'audio/mpeg', label: 'MP3 音频', sniff: looksLikeMp3 },
  { ext: 'mp4', mime: 'video/mp4', label: 'MP4 音视频', sniff: (h) => startsWith(h, [0x66, 0x74, 0x79, 0x70], 4) },
];

/** How many leading bytes the sniffers look at. */
export const SNIFF_BYTES = 512;

export const DEFAULT_UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

/** The limits an upload is checked against; both configurable (SIFA_UPLOAD_MAX_MB, or a module's own list). */
export interface UploadLimits {
  maxBytes: number;
  types: readonly FileType[];
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { maxBytes: DEFAULT_UPLOAD_MAX_BYTES, types: FILE_TYPES };

/** 20971520 → “20 MB”, 1536 → “1.5 KB”. */
export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${Number.isInteger(v) ? v : v.toFixed(1)} ${units[i] ?? 'B'}`;
}

/**
 * A client's file name made safe to show and to offer as a download name: the last path segment, without
 * control characters, at most 120 characters. It never becomes part of a storage path.
 */
export function cleanFilename(raw: string | undefined): string {
  const base = (raw ?? '').split(/[/\\]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return Array.from(clean).slice(-120).join('') || '未命名文件';
}

export const extensionOf = (filename: string) => /\.([A-Za-z0-9]{1,8})$/.exec(filename)?.[1]?.toLowerCase() ?? '';

const allowedList = (types: readonly FileType[]) => [...new Set(types.map((t) => t.ext))].join('、');

/** The accepted type a file name claims, or a refusal naming the accepted formats. */
export function typeOfName(filename: string, types: readonly FileType[]): FileType {
  const ext = extensionOf(filename);
  const type = types.find((t) => t.ext === ext);
  if (!type) throw new AppError('FILE_TYPE_REFUSED', { name: filename, allowed: allowedList(types) });
  return type;
}

/** Checks the file's first bytes against the type its name claims; refuses a disguised file. */
export function checkContent(filename: string, type: FileType, head: Buffer): void {
  if (!type.sniff(head)) throw new AppError('FILE_CONTENT_MISMATCH', { name: filename, label: type.label });
}
