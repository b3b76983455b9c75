const SHANGHAI = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function shanghaiParts(value: string): Record<string, string> | undefined {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return undefined;
  const parts: Record<string, string> = {};
  for (const part of SHANGHAI.formatToParts(date)) parts[part.type] = part.value;
  return parts;
}

/** `YYYY-MM-DD HH:mm:ss` in Asia/Shanghai, whatever the browser's own time zone; '' for no value. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const p = shanghaiParts(value);
  if (!p) return value;
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** `YYYY-MM-DD` in Asia/Shanghai; an ISO date (no time) passes through unchanged. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const p = shanghaiParts(value);
  return p ? `${p.year}-${p.month}-${p.day}` : value;
}

/** Compact one-line JSON for a summary cell; '' for nothing (null, undefined, {} or []). */
export function compactJson(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && Object.keys(value).length === 0) return '';
  try {
    // undefined for a bare function or symbol, which JSON cannot say
    const text = JSON.stringify(value) as string | undefined;
    return text ?? '';
  } catch {
    return '[?]';
  }
}

/** Today's date `YYYY-MM-DD` in Asia/Shanghai (deadline levels are reckoned by the Shanghai calendar day). */
export function todayInShanghai(now: Date = new Date()): string {
  return now.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** 0 (Sunday) … 6 (Saturday) of an ISO date, independent of the browser's time zone. */
export function weekdayOf(isoDate: string): number {
  return new Date(`${isoDate}T00:00:00Z`).getUTCDay();
}

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
