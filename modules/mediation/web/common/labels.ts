import {
  ActionForms,
  DISPUTE_CATEGORIES,
  DISPUTE_SOURCE_CODES,
  DISPUTE_SOURCES,
  DISPUTE_STATUSES,
  DISPUTE_WORKFLOW,
  PARTY_ROLES,
} from '@sifa/mediation/shared';
import type { Category, DisputeAction, DisputeStatus } from '@sifa/mediation/shared';
import type { Lang, StatusTone } from '@sifa/ui';
import { codeLabel, codeOptions, pick } from '@sifa/ui';

type Named = Readonly<Record<string, { zh: string; en: string } | undefined>>;

/** The label of a code in a `{ zh, en }` table; an unknown code shows as it is. */
function labelIn(table: Named, code: string, lang: Lang): string {
  const entry = table[code];
  return entry ? pick(lang, entry.zh, entry.en) : code;
}

/**
 * A category's name from the runtime list (`useCategories`, category-queries.ts) — inactive ones too, old disputes
 * keep them; before the list has arrived, a standard category's name, else the code.
 */
export function categoryLabel(categories: readonly Category[] | undefined, code: string, lang: Lang): string {
  return codeLabel(categories, code, lang, DISPUTE_CATEGORIES);
}
export const sourceLabel = (code: string, lang: Lang) => labelIn(DISPUTE_SOURCES, code, lang);
export const statusLabel = (code: string, lang: Lang) => labelIn(DISPUTE_WORKFLOW.labels.statuses, code, lang);
export const actionLabel = (code: string, lang: Lang) => labelIn(DISPUTE_WORKFLOW.labels.actions, code, lang);
export const partyRoleLabel = (code: string, lang: Lang) => labelIn(PARTY_ROLES, code, lang);

const TONES: Record<DisputeStatus, StatusTone> = {
  registered: 'default',
  accepted: 'processing',
  assigned: 'processing',
  mediating: 'processing',
  agreed: 'success',
  failed: 'error',
  declined: 'warning',
  withdrawn: 'default',
};

export const isDisputeStatus = (v: string): v is DisputeStatus => (DISPUTE_STATUSES as readonly string[]).includes(v);
export const statusTone = (code: string): StatusTone => (isDisputeStatus(code) ? TONES[code] : 'default');

export const isDisputeAction = (v: string): v is DisputeAction => Object.hasOwn(ActionForms, v);

/** Actions that end the dispute: asked once more before they are sent. */
export function isFinalAction(action: DisputeAction, status: string): boolean {
  if (!isDisputeStatus(status)) return false;
  const next = (DISPUTE_WORKFLOW.transitions[status] as Partial<Record<DisputeAction, DisputeStatus>>)[action];
  return next !== undefined && (DISPUTE_WORKFLOW.terminal as readonly string[]).includes(next);
}

/** Refusing, withdrawing or ending: shown in red. */
export const DANGER_ACTIONS: ReadonlySet<string> = new Set(['decline', 'withdraw', 'fail', 'partyRefuses']);

/**
 * The categories to choose from, in the list's order: the active ones (a new dispute), or with `inactiveMark` also
 * the deactivated ones, marked (filters: old disputes keep them).
 */
export function categoryOptions(categories: readonly Category[] | undefined, lang: Lang, inactiveMark?: string) {
  return codeOptions(categories, lang, inactiveMark);
}
export const sourceOptions = (lang: Lang) => DISPUTE_SOURCE_CODES.map((c) => ({ value: c, label: pick(lang, DISPUTE_SOURCES[c].zh, DISPUTE_SOURCES[c].en) }));
export const statusOptions = (lang: Lang) => DISPUTE_STATUSES.map((s) => ({ value: s, label: statusLabel(s, lang) }));
export const roleOptions = (lang: Lang) =>
  (Object.keys(PARTY_ROLES) as (keyof typeof PARTY_ROLES)[]).map((r) => ({ value: r, label: partyRoleLabel(r, lang) }));
