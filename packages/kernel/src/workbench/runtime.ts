import { readFileSync } from 'node:fs';
import type { ModuleDefinition } from '../define-module';
import { permissionsOf } from '../define-module';
import type { FieldCrypto } from '../parties/crypto';
import { ROLE_CODES, type RoleCode } from '../shared/permissions';
import { CITIZEN_SMS_EVENTS, workStates, type CitizenSmsEvent, type WorkflowDefinition, type WorkStage } from '../shared/workflow';

/**
 * What the workbench needs beyond a request (ADR 0023): the registered modules (whose workflows declare their work)
 * and the data key's crypto (a citizen's phone is encrypted at rest). The kernel module sets it when its routes are
 * registered; registration and workflow actions read it, so every module's intake and actions tell the right people
 * without passing anything. Before that (a service test without the app) nobody is told.
 */
interface Runtime {
  modules: () => readonly ModuleDefinition[];
  crypto: FieldCrypto;
}
let runtime: Runtime | undefined;

export function configureWorkbench(r: Runtime) {
  runtime = r;
}
export const workbenchRuntime = () => runtime;

/** Every workflow with a work declaration, from the registered modules. */
export const workflowsWithWork = (modules: readonly ModuleDefinition[]): WorkflowDefinition[] =>
  modules.flatMap((m) => (m.workflows ?? []).filter((w) => w.work));

/** Every role (org-level and modules') whose permissions include `permission`: the holders of that work. */
export function rolesHolding(modules: readonly ModuleDefinition[], permission: string): RoleCode[] {
  const all: RoleCode[] = [...ROLE_CODES, ...modules.flatMap((m) => (m.roles ?? []).map((r) => r.code))];
  return all.filter((r) => permissionsOf(modules, [r]).has(permission));
}

/** The stage and holder permission of `status` in `wf`, when the status is work. */
export const workOf = (wf: WorkflowDefinition, status: string): { stage: WorkStage; permission: string } | undefined =>
  workStates(wf).find((s) => s.status === status);

// ---- SMS to a citizen: a template per event, `{placeholder}`s filled from the matter (SIFA_SMS_TEMPLATES) ----

/** The placeholders a template may use. */
export const SMS_PLACEHOLDERS = ['number', 'title', 'unit', 'status', 'date'] as const;

/** Default wording (Chinese, plain, no secret): what the citizen is told at each event. */
export const DEFAULT_SMS_TEMPLATES: Readonly<Record<CitizenSmsEvent, string>> = {
  receipt: '您的申请“{title}”已登记，编号 {number}，由{unit}办理，工作人员将尽快与您联系。凭编号和本手机号可在网上查询进度。',
  accepted: '您的申请（编号 {number}）已由{unit}受理。',
  assigned: '您的申请（编号 {number}）已指派调解员，调解员将与您约定调解时间和地点。',
  session: '您的申请（编号 {number}）已开始调解（{date}）。',
  closed: '您的申请（编号 {number}）已办结：{status}。如对办理有意见，可在网上凭编号评价。',
};

let templates: Record<CitizenSmsEvent, string> = { ...DEFAULT_SMS_TEMPLATES };

/** Checks and applies a deployment's wording; an unknown event or placeholder is refused at start, naming it. */
export function setSmsTemplates(over: Record<string, unknown>) {
  const next = { ...DEFAULT_SMS_TEMPLATES };
  for (const [event, text] of Object.entries(over)) {
    if (!(CITIZEN_SMS_EVENTS as readonly string[]).includes(event))
      throw new Error(`短信模板：没有“${event}”这一事件，可用的是 ${CITIZEN_SMS_EVENTS.join('、')}`);
    if (typeof text !== 'string' || text.trim() === '') throw new Error(`短信模板“${event}”应为非空文字`);
    for (const m of text.matchAll(/\{(\w+)\}/g)) {
      if (!(SMS_PLACEHOLDERS as readonly string[]).includes(m[1] ?? ''))
        throw new Error(`短信模板“${event}”中的 {${m[1] ?? ''}} 无法填写，可用的是 ${SMS_PLACEHOLDERS.map((p) => `{${p}}`).join('、')}`);
    }
    next[event as CitizenSmsEvent] = text;
  }
  templates = next;
}

/** SIFA_SMS_TEMPLATES: a JSON file `{ "receipt": "…{number}…", … }`; events not named keep the default. */
export function loadSmsTemplatesFile(path: string) {
  setSmsTemplates(JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>);
}

export const smsTemplates = (): Readonly<Record<CitizenSmsEvent, string>> => templates;

/** The text of `event` with its placeholders filled; a value not given is left out. */
export const renderSms = (event: CitizenSmsEvent, vars: Partial<Record<(typeof SMS_PLACEHOLDERS)[number], string>>) =>
  templates[event].replace(/\{(\w+)\}/g, (_m, k: string) => vars[k as keyof typeof vars] ?? '');
