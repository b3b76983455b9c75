import { useQuery } from '@tanstack/react-query';
import { UploadLimitsInfo } from '@sifa/kernel/shared';
import { apiGet } from '../api/client';
import { formatBytes } from '../format/date';
import type { UiTranslate } from '../i18n';

/** What one upload accepts: its size limit and the extensions (without the dot) with the names people know them by. */
export interface UploadRule {
  maxBytes: number;
  exts: readonly string[];
  /** The accepted formats as a person reads them (PDF 文档、JPEG 图片 …). */
  typeNames: readonly string[];
}

/** The kernel's attachment limits as an upload rule. */
export const attachmentRule = (info: UploadLimitsInfo): UploadRule => ({
  maxBytes: info.maxBytes,
  exts: info.types.map((x) => x.ext),
  typeNames: [...new Set(info.types.map((x) => x.label))],
});

/** The `accept` attribute of a file input for the rule (`.pdf,.jpg,…`). */
export const acceptOf = (rule: UploadRule) => rule.exts.map((e) => `.${e}`).join(',');

/**
 * Why the browser should not send `file`, in words a person can act on, or undefined when it may go (issue #13
 * item 8): before, a file over the limit spun 73 s before the server's “超过 20 MB” came back. The server checks
 * again (extension and content); this only spares the wait.
 */
export function uploadProblem(file: { name: string; size: number }, rule: UploadRule, t: UiTranslate): string | undefined {
  const ext = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase();
  if (!ext || !rule.exts.includes(ext)) return t('upload.badType', { name: file.name, types: rule.typeNames.join('、') });
  if (file.size > rule.maxBytes) return t('upload.tooLarge', { name: file.name, size: formatBytes(file.size), limit: formatBytes(rule.maxBytes) });
  if (file.size === 0) return t('upload.empty', { name: file.name });
  return undefined;
}

/** The hint under an upload button: the limit and the formats. */
export const uploadHint = (rule: UploadRule, t: UiTranslate) => t('upload.hint', { limit: formatBytes(rule.maxBytes), types: rule.typeNames.join('、') });

/** The attachment limits the server enforces (SIFA_UPLOAD_MAX_MB, the accepted types); fetched once per session. */
export function useUploadLimits() {
  return useQuery({
    queryKey: ['upload-limits'],
    queryFn: () => apiGet('/api/attachments/limits', UploadLimitsInfo),
    staleTime: Infinity,
    meta: { silent: true },
  });
}
