import type { ComponentType } from 'react';
import type { MatterActionFormProps } from '@sifa/ui';
import { pick } from '../i18n';
import type { Lang, MessageKey, Translate } from '../i18n';
import { WEB_MODULES } from '../registry';
import type { MatterDetail } from './schemas';

type Labels = Record<string, { zh: string; en: string } | undefined>;

/** The workflow labels a module registered for its web pages (WebModule.workflows). */
function registeredLabels(module: string, kind: string) {
  for (const m of WEB_MODULES) {
    const wf = m.workflows?.find((w) => w.module === module && w.kind === kind);
    if (wf) return { statuses: wf.labels.statuses as Labels, actions: wf.labels.actions as Labels };
  }
  return undefined;
}

/** A module's form for an action the kernel cannot take alone, if the module registered one. */
export function findActionForm(module: string, kind: string, action: string): ComponentType<MatterActionFormProps> | undefined {
  const m = WEB_MODULES.find((w) => w.name === module);
  return m?.matterActionForms?.[`${kind}.${action}`];
}

export interface MatterLabels {
  status: (code: string) => string;
  action: (code: string) => string;
}

/**
 * Labels of statuses and actions in the console language: the module's registered workflow, else what the matter's
 * own answer names (its current status, its open actions), else the code itself.
 */
export function matterLabels(detail: MatterDetail, lang: Lang, t: Translate): MatterLabels {
  const { module, kind, status: current } = detail.matter;
  const wf = registeredLabels(module, kind);
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
  };
}

const PARTY_ROLES: Record<string, MessageKey> = {
  applicant: 'matter.role.applicant',
  respondent: 'matter.role.respondent',
  party: 'matter.role.party',
  'third-party': 'matter.role.thirdParty',
  agent: 'matter.role.agent',
  representative: 'matter.role.representative',
};

const ASSIGNMENT_ROLES: Record<string, MessageKey> = {
  handler: 'matter.assignment.handler',
  mediator: 'matter.assignment.mediator',
  unit: 'matter.assignment.unit',
};

/** 申请人, 被申请人 … for the common role codes; other codes as they are. */
export function partyRoleLabel(role: string, t: Translate): string {
  const key = PARTY_ROLES[role];
  return key ? t(key) : role;
}

export function assignmentRoleLabel(role: string, t: Translate): string {
  const key = ASSIGNMENT_ROLES[role];
  return key ? t(key) : role;
}
