import { DEFAULT_STANDARD, type LegalAidStandard } from '../shared/eligibility';

/**
 * The deployment's local standard (法律援助法 第三十四条: set by the provincial government, adjusted over time) and the
 * share of commitments checked later, from the environment (docs/operations.md "Legal aid"). A bad value stops the
 * boot with a message naming the variable, rather than applying a wrong standard silently.
 */
export function legalAidStandard(env: NodeJS.ProcessEnv = process.env): LegalAidStandard {
  const yuan = env.SIFA_LEGAL_AID_INCOME_STANDARD_YUAN;
  const share = env.SIFA_LEGAL_AID_COMMITMENT_CHECK_SHARE;
  const out = { ...DEFAULT_STANDARD };
  if (yuan !== undefined && yuan !== '') {
    const n = Number(yuan);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`SIFA_LEGAL_AID_INCOME_STANDARD_YUAN 应为正数（家庭人均月收入，元），现为“${yuan}”`);
    out.monthlyIncomeFen = Math.round(n * 100);
  }
  if (share !== undefined && share !== '') {
    const n = Number(share);
    if (!Number.isFinite(n) || n < 0 || n > 1) throw new Error(`SIFA_LEGAL_AID_COMMITMENT_CHECK_SHARE 应为 0～1 之间的比例（如 0.1），现为“${share}”`);
    out.commitmentCheckShare = n;
  }
  return out;
}
