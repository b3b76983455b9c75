import { pick } from '../i18n/lang';
import type { Lang } from '../i18n/lang';
import type { UiMessageKey, UiTranslate } from '../i18n';
import type { WebModule } from '../web-module';
import type { MatterDetail } from './schemas';

type Labels = Record<string, { zh: string; en: string } | undefined>;

/** The workflow labels a module registered for its web pages (WebModule.workflows). */
function registeredLabels(modules: readonly WebModule[], module: string, kind: string) {
  for (const m of modules) {
    const wf = m.workflows?.find((w) => w.module === module && w.kind === kind);
    if (wf) {
      const roles: Labels = Object.fromEntries((wf.partyRoles ?? []).map((r) => [r.code, { zh: r.zh, en: r.en }]));
      return { statuses: wf.labels.statuses as Labels, actions: wf.labels.actions as Labels, roles };
    }
  }
  return undefined;
}

export interface MatterLabels {
  status: (code: string) => string;
  action: (code: string) => string;
  /** A party's role: the workflow's own list (`partyRoles`), else the common roles, else the code. */
  partyRole: (code: string) => string;
}

/**
 * Labels of statuses and actions in the console language: the module's registered workflow, else what the matter's
 * own answer names (its current status, its open actions), else the code itself.
 */
export function matterLabels(detail: MatterDetail, lang: Lang, t: UiTranslate, modules: readonly WebModule[]): MatterLabels {
  const { module, kind, status: current } = detail.matter;
  const wf = registeredLabels(modules, module, kind);
  return {
    status: (code) => {
      const own = wf?.statuses[code];
      if (own) return pick(lang, own.zh, own.en);
      if (code === current) return pick(lang, detail.statusLabel.zh, detail.statusLabel.en);
      return code;
    },
    action: (code) => {
      const own = wf?.actions[code];
      if (own) return pick(lang, own.zh, own.en);
      const open = detail.actions.find((a) => a.action === code);
      if (open) return pick(lang, open.labelZh, open.labelEn);
      // every matter starts with the kernel's registration step
      if (code === 'register') return t('matter.action.register');
      return code;
    },
    partyRole: (code) => {
      const own = wf?.roles[code];
      return own ? pick(lang, own.zh, own.en) : partyRoleLabel(code, t);
    },
  };
}

const PARTY_ROLES: Record<string, UiMessageKey> = {
  applicant: 'matter.role.applicant',
  respondent: 'matter.role.respondent',
  party: 'matter.role.party',
  'third-party': 'matter.role.thirdParty',
  agent: 'matter.role.agent',
  representative: 'matter.role.representative',
};

const ASSIGNMENT_ROLES: Record<string, UiMessageKey> = {
  handler: 'matter.assignment.handler',
  mediator: 'matter.assignment.mediator',
  unit: 'matter.assignment.unit',
};

/** 申请人, 被申请人 … for the common role codes; other codes as they are. */
export function partyRoleLabel(role: string, t: UiTranslate): string {
  const key = PARTY_ROLES[role];
  return key ? t(key) : role;
}

export function assignmentRoleLabel(role: string, t: UiTranslate): string {
  const key = ASSIGNMENT_ROLES[role];
  return key ? t(key) : role;
}
