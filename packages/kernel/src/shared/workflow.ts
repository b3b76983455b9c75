/**
 * A workflow is a table: status → action → next status (STYLE.md). The server checks a transition with it
 * inside the transaction that appends the action; the console shows exactly the buttons it allows.
 */
export type TransitionTable<S extends string = string, A extends string = string> = Readonly<Record<S, Partial<Readonly<Record<A, S>>>>>;

export interface WorkflowDefinition<S extends string = string, A extends string = string> {
  /** Module and matter kind it governs, e.g. mediation / dispute. */
  module: string;
  kind: string;
  /** The URL segment of the kind's collection, e.g. 'disputes' (`/api/<module>/<plural>/:id/<action>`); `<kind>s` by default. */
  plural?: string;
  /**
   * How the kind's matters are numbered (`{abbr}调〔{year}〕{seq}号`, numbering.ts): the kernel takes the number when it
   * opens a matter; the literal part marks the line, so boot refuses two kinds with the same mark (module-check.ts).
   */
  number: string;
  statuses: readonly S[];
  initial: S;
  /** Statuses in which the matter is closed (no further actions). */
  terminal: readonly S[];
  transitions: TransitionTable<S, A>;
  /** Permission needed for each action (default `<module>.<kind>.act`). */
  actionPermissions?: Partial<Record<A, string>>;
  labels: { statuses: Record<S, { zh: string; en: string }>; actions: Record<A, { zh: string; en: string }> };
  /**
   * The roles a party may hold in the kind's matters (申请人, 被申请人 …): adding or removing a party names one of
   * them, and the console labels them from here. Without a list the kind's parties cannot be changed after registration.
   */
  partyRoles?: readonly PartyRoleDefinition[];
  /** Permission needed to add or remove a party of a matter after registration (default `<module>.<kind>.write`). */
  partyPermission?: string;
  /**
   * The input field holding the day each action's event happened on (a session's `on`, an agreement's
   * `effectiveOn`), with its name: the kernel checks it against the matter's earlier events and today, and the
   * console's form does the same before sending (event-dates.ts, issue #13 item 4). An action without one happened
   * on the day it was recorded.
   */
  eventDates?: Partial<Record<A, EventDateField>>;
  /**
   * Which statuses are work, at which workbench stage, for whom (ADR 0023): the kernel counts them on the workbench,
   * tells the holders of a new matter's work, and texts the citizen who applied on each status named in `citizenSms`.
   * A kind without `work` has no place on the workbench.
   */
  work?: WorkDeclaration<S>;
}

/** Which input field of an action is the event's date, and what it is called (`调解日期`). */
export interface EventDateField {
  field: string;
  zh: string;
  en: string;
}

/** The workbench's stages of work a status can be in: 待受理, 待指派, 办理中 (ADR 0023). */
export const WORK_STAGES = ['accept', 'assign', 'inHand'] as const;
export type WorkStage = (typeof WORK_STAGES)[number];
/** The stages computed from open deadlines: 即将到期, 已逾期. */
export const DEADLINE_STAGES = ['dueSoon', 'overdue'] as const;
export type DeadlineStage = (typeof DEADLINE_STAGES)[number];
export type WorkbenchStage = WorkStage | DeadlineStage;
export const WORKBENCH_STAGE_LABELS: Record<WorkbenchStage, { zh: string; en: string }> = {
  accept: { zh: '待受理', en: 'To accept' },
  assign: { zh: '待指派', en: 'To assign' },
  inHand: { zh: '办理中', en: 'In hand' },
  dueSoon: { zh: '即将到期', en: 'Due soon' },
  overdue: { zh: '已逾期', en: 'Overdue' },
};

/** What a citizen who applied is told by SMS (kernel templates, SIFA_SMS_TEMPLATES): on registration, and per status. */
export const CITIZEN_SMS_EVENTS = ['receipt', 'accepted', 'assigned', 'session', 'closed'] as const;
export type CitizenSmsEvent = (typeof CITIZEN_SMS_EVENTS)[number];

/** One status that is work: its stage, and the permission of those who hold it (default `<module>.<kind>.act`). */
export interface WorkState {
  stage: WorkStage;
  permission?: string;
}

export interface WorkDeclaration<S extends string = string> {
  states: Partial<Readonly<Record<S, WorkStage | WorkState>>>;
  /** The channels a matter comes in by (the register action's `data.source`), with their names for the arrivals list. */
  channels?: Readonly<Record<string, { zh: string; en: string }>>;
  /** The status changes a citizen applicant is told of; a terminal status not named here sends `closed`. */
  citizenSms?: Partial<Readonly<Record<S, CitizenSmsEvent>>>;
}

/** The work states of a kind with their stage and holder permission, e.g. `registered → { accept, mediation.dispute.act }`. */
export function workStates(wf: Pick<WorkflowDefinition, 'module' | 'kind' | 'work'>): { status: string; stage: WorkStage; permission: string }[] {
  return Object.entries(wf.work?.states ?? {}).flatMap(([status, v]) => {
    if (!v) return [];
    const s = typeof v === 'string' ? { stage: v } : v;
    return [{ status, stage: s.stage, permission: s.permission ?? `${wf.module}.${wf.kind}.act` }];
  });
}

/** The SMS event a status change sends to a citizen applicant, if any: the declared one, or `closed` on a terminal status. */
export function citizenSmsEvent(wf: Pick<WorkflowDefinition, 'terminal' | 'work'>, status: string): CitizenSmsEvent | undefined {
  if (!wf.work) return undefined;
  return (wf.work.citizenSms as Record<string, CitizenSmsEvent> | undefined)?.[status] ?? (wf.terminal.includes(status) ? 'closed' : undefined);
}

/** A role a party may hold in a matter, e.g. `{ code: 'applicant', zh: '申请人', en: 'Applicant' }`. */
export interface PartyRoleDefinition {
  code: string;
  zh: string;
  en: string;
}

/** The permission needed to change a matter's parties after registration: `partyPermission`, or `<module>.<kind>.write`. */
export const partyPermission = (wf: Pick<WorkflowDefinition, 'module' | 'kind' | 'partyPermission'>) => wf.partyPermission ?? `${wf.module}.${wf.kind}.write`;

/** Infers statuses and actions from `statuses` and `transitions` only, so a typo elsewhere is an error. */
export const defineWorkflow = <S extends string, A extends string>(
  wf: Omit<WorkflowDefinition<S, A>, 'actionPermissions' | 'eventDates' | 'labels' | 'initial' | 'terminal' | 'work'> & {
    initial: NoInfer<S>;
    work?: WorkDeclaration<NoInfer<S>>;
    terminal: readonly NoInfer<S>[];
    actionPermissions?: Partial<Record<NoInfer<A>, string>>;
    eventDates?: Partial<Record<NoInfer<A>, EventDateField>>;
    labels: { statuses: Record<NoInfer<S>, { zh: string; en: string }>; actions: Record<NoInfer<A>, { zh: string; en: string }> };
  },
): WorkflowDefinition<S, A> => wf;

export function nextStatus<S extends string, A extends string>(wf: WorkflowDefinition<S, A>, status: S, action: A): S | undefined {
  return wf.transitions[status][action];
}

export function availableActions<S extends string, A extends string>(wf: WorkflowDefinition<S, A>, status: S, permissions?: ReadonlySet<string>): A[] {
  const row = wf.transitions[status];
  return (Object.keys(row) as A[]).filter((a) => !permissions || permissions.has(actionPermission(wf, a)));
}

export const actionPermission = <S extends string, A extends string>(wf: WorkflowDefinition<S, A>, action: A) =>
  wf.actionPermissions?.[action] ?? `${wf.module}.${wf.kind}.act`;

/** The collection segment of a workflow's matters in URLs: `plural`, or `<kind>s`. */
export const pluralOf = (wf: Pick<WorkflowDefinition, 'kind' | 'plural'>) => wf.plural ?? `${wf.kind}s`;

/** An action's name in a URL: camelCase to kebab-case (`reachAgreement` → `reach-agreement`). */
export const actionSegment = (action: string) => action.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * The route of a typed action (ADR 0014): `/api/<module>/<plural>/<id>/<action-in-kebab-case>`. The server registers it
 * with `:id`; the web passes the matter's id.
 */
export const actionPath = (wf: Pick<WorkflowDefinition, 'module' | 'kind' | 'plural'>, action: string, id = ':id') =>
  `/api/${wf.module}/${pluralOf(wf)}/${id === ':id' ? id : encodeURIComponent(id)}/${actionSegment(action)}`;
