import type { FormInstance } from 'antd';
import type { z } from 'zod';
import { ApiError } from '../api/client';

/** One field's messages, addressed as antd addresses a field: `['parties', 0, 'idNumber']`. */
export interface FieldError {
  name: (string | number)[];
  errors: string[];
}

const toName = (path: string): (string | number)[] => path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));

function group(entries: { path: (string | number)[]; message: string }[]): FieldError[] {
  const byPath = new Map<string, FieldError>();
  for (const { path, message } of entries) {
    const key = path.join('.');
    const found = byPath.get(key);
    if (found) {
      if (!found.errors.includes(message)) found.errors.push(message);
    } else byPath.set(key, { name: path, errors: [message] });
  }
  return [...byPath.values()];
}

/** The field errors in a VALIDATION_FAILED answer (`details: [{ field: 'parties.0.idNumber', message }]`). */
export function serverFieldErrors(error: unknown): FieldError[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  const entries: { path: (string | number)[]; message: string }[] = [];
  for (const item of error.details as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { field, message } = item as { field?: unknown; message?: unknown };
    if (typeof field === 'string' && typeof message === 'string' && field !== 'body') {
      entries.push({ path: toName(field), message });
    }
  }
  return group(entries);
}

/** The issues of a Zod check, as field errors (issues on the whole object are addressed to `root`). */
export function zodFieldErrors(error: z.ZodError, root: string): FieldError[] {
  return group(
    error.issues.map((issue) => ({
      path: issue.path.length > 0 ? issue.path.filter((p) => typeof p !== 'symbol') : [root],
      message: issue.message,
    })),
  );
}

/** The `known` test of showFieldErrors for a form whose top-level fields are `names`. */
export function knownFields(names: readonly string[]): (name: (string | number)[]) => boolean {
  const set = new Set(names);
  return (name) => typeof name[0] === 'string' && set.has(name[0]);
}

/**
 * Shows field errors on the form, only for fields the form has (`known` says which); returns the ones it could not
 * place, so the caller can show them elsewhere.
 */
export function showFieldErrors<T>(form: FormInstance<T>, errors: FieldError[], known: (name: (string | number)[]) => boolean): FieldError[] {
  const placed = errors.filter((e) => known(e.name));
  if (placed.length > 0) {
    form.setFields(placed as Parameters<FormInstance<T>['setFields']>[0]);
    form.scrollToField(placed[0]?.name as Parameters<FormInstance<T>['scrollToField']>[0], { block: 'center' });
  }
  return errors.filter((e) => !known(e.name));
}

/**
 * After a failed request: places its field errors on the form and returns the message to show above the form —
 * the error's own when something could not be placed or it carried no field errors (`fallback` when it is not an
 * API error), undefined when every error now stands beside its field.
 */
export function placeServerErrors<T>(
  form: FormInstance<T>,
  error: unknown,
  known: (name: (string | number)[]) => boolean,
  fallback: string,
): string | undefined {
  const fields = serverFieldErrors(error);
  const rest = showFieldErrors(form, fields, known);
  if (fields.length > 0 && rest.length === 0) return undefined;
  return error instanceof ApiError ? error.message : fallback;
}
