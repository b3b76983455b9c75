import type { IdType } from '@sifa/kernel/shared';
import { normalisePhone } from '@sifa/ui';

/** One respondent as typed: a person (ID number) or an organisation (credit code); all but the name optional. */
export interface Respondent {
  kind: 'person' | 'organisation';
  name?: string;
  idNumber?: string;
  uscc?: string;
  phone?: string;
}

/** The application form's values, as the wizard keeps them (and saves them as the draft). */
export interface ApplyForm {
  officeId?: string;
  /** The chosen office's name, kept for the review step and the receipt. */
  officeName?: string;
  category?: string;
  summary?: string;
  description?: string;
  address?: string;
  applicantName?: string;
  idType: IdType;
  idNumber?: string;
  respondents: Respondent[];
}

/** An empty application: a resident ID and one respondent, a person. */
export const EMPTY_APPLICATION: ApplyForm = { idType: 'resident-id', respondents: [{ kind: 'person' }] };

/** The wizard's draft key (save and resume): `sifa.portal.mediation-apply`, one draft per citizen inside. */
export const APPLY_DRAFT_SERVICE = 'mediation-apply';

export const trimmed = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/** The body of `POST /api/public/mediation/applications` (PortalApplicationInput) from what was typed. */
export function applicationBody(v: ApplyForm) {
  return {
    officeId: v.officeId,
    category: v.category,
    summary: v.summary?.trim(),
    description: v.description?.trim(),
    address: trimmed(v.address),
    applicant: { name: v.applicantName?.trim(), idType: v.idType, idNumber: v.idNumber?.trim() },
    respondents: v.respondents.map((r) => ({
      kind: r.kind,
      name: r.name?.trim(),
      ...(r.kind === 'person' && trimmed(r.idNumber) ? { idType: 'resident-id', idNumber: trimmed(r.idNumber) } : {}),
      ...(r.kind === 'organisation' && trimmed(r.uscc) ? { uscc: trimmed(r.uscc) } : {}),
      ...(trimmed(r.phone) ? { phone: normalisePhone(r.phone ?? '') } : {}),
    })),
  };
}
