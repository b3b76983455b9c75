import { spawnSync } from 'node:child_process';

/**
 * Whether poppler-utils (pdftotext, pdfimages) is installed. Without it the PDF checks cannot run: under
 * CI=true that is a failure (CI installs it); on a workstation the checks are skipped with a warning.
 */
export function requirePoppler(): boolean {
  if (spawnSync('pdftotext', ['-v']).error === undefined) return true;
  const hint = '未安装 pdftotext / pdfimages：请执行 apt-get install -y poppler-utils';
  if (process.env.CI === 'true' || process.env.CI === '1') throw new Error(`CI 环境${hint}`);
  console.warn(`${hint}；本机跳过 PDF 文字提取测试`);
  return false;
}

/** The text of a PDF as `pdftotext -layout` extracts it (what a reader or a search index sees). */
export function pdfText(pdf: Buffer): string {
  const r = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], { input: pdf, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`pdftotext 失败：${r.stderr.toString()}`);
  return r.stdout.toString('utf8');
}

/** The PDF's document information (Title, Author, Subject, Keywords, Pages …) as `pdfinfo` reports it. */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  const r = spawnSync('pdfinfo', ['-enc', 'UTF-8', '-'], { input: pdf });
  if (r.status !== 0) throw new Error(`pdfinfo 失败：${r.stderr.toString()}`);
  return Object.fromEntries(
    r.stdout
      .toString('utf8')
      .split('\n')
      .map((l) => /^([^:]+):\s*(.*)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1] ?? '', m[2] ?? '']),
  );
}
