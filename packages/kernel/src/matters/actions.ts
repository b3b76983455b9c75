import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../db/schema';
import { trackStoredFiles, type DocumentCtx } from '../documents/document.service';
import { chinaDay } from '../shared/china-time';
import type { Matter } from '../shared/matters';
import type { EventDateField, WorkflowDefinition } from '../shared/workflow';
import { assertEventDate } from './event-dates';
import { act } from './matter.service';

/** What every typed action's body carries: the version of the matter the user saw (a concurrent change answers 409). */
export interface ActionBody {
  expectedVersion: number;
}

/** What an action's handler may use: the request's context (`now`, scope, actor) with the file store for documents. */
export type ActionCtx = DocumentCtx;

/**
 * One workflow action declared once (ADR 0014): its input schema (shared with the web), its handler, and a valid
 * body for the generated scope test. The kernel makes its route `POST /api/<module>/<plural>/:id/<action-in-kebab-case>`
 * with the OpenAPI entry, the permission (the workflow's `actionPermission`), the scope, version and transition
 * checks and the audit entry; the handler's writes join that transaction.
 */
export interface ActionDefinition<A extends string = string, S extends z.ZodType<ActionBody> = z.ZodType<ActionBody>> {
  workflow: WorkflowDefinition<string, A>;
  name: A;
  /** The request body; it must carry `expectedVersion`. */
  input: S;
  /** Outcome recorded on the matter (indicator categories), for actions that close it. */
  outcome?: string;
  /** The note the timeline and the audit entry show (a reason, a remark). */
  note?(input: z.output<S>): string | undefined;
  /** The action log's data; the input without `expectedVersion` by default. */
  data?(input: z.output<S>): Record<string, unknown>;
  /**
   * A valid body (without `expectedVersion`) for the generated scope test; `'$<resource>'` stands for an in-scope
   * instance of that resource. `resource` names the test's fixture of the matter (the workflow's kind by default).
   */
  probe: { body: Record<string, unknown>; resource?: string };
  /**
   * The module's part, inside the action's transaction after the status changed (module rows, deadlines,
   * assignments, documents): anything it throws rolls the whole action back. `matter` is the matter after the action.
   */
  handle(ctx: ActionCtx, trx: Kysely<Database>, matter: Matter, input: z.output<S>): Promise<void>;
}

/** Any module's action, as `ModuleDefinition.actions` holds them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the input type differs per action; handlers are typed where declared
export type AnyAction = ActionDefinition<string, z.ZodType<ActionBody, any>>;

/** Declares a typed action: `name` is checked against the workflow's actions, the handler's input is the schema's output. */
export const defineAction = <A extends string, S extends z.ZodType<ActionBody>>(
  a: ActionDefinition<NoInfer<A>, S> & { workflow: WorkflowDefinition<string, A> },
) => a as ActionDefinition<A, S>;

/**
 * The event's date the workflow declares for this action (a session's day) against the matter's earlier events and
 * today (issue #13 item 4); inside the action's transaction, after the scope and version checks, so a matter out of
 * the caller's scope answers 404 and never tells its dates.
 */
async function checkEventDate(ctx: ActionCtx, trx: Kysely<Database>, action: AnyAction, matterId: string, input: ActionBody) {
  const declared: EventDateField | undefined = action.workflow.eventDates?.[action.name];
  const on = declared ? (input as unknown as Record<string, unknown>)[declared.field] : undefined;
  if (!declared || typeof on !== 'string') return;
  await assertEventDate(trx, action.workflow, matterId, { label: declared.zh, on, field: declared.field }, chinaDay(ctx.now), { skipLatest: true });
}

/** Takes a declared action on a matter: the kernel's act() with the handler inside its transaction. */
export async function takeAction<A extends string, S extends z.ZodType<ActionBody>>(
  ctx: ActionCtx,
  action: ActionDefinition<A, S>,
  matterId: string,
  input: z.output<S>,
): Promise<Matter> {
  const { expectedVersion, ...rest } = input;
  const note = action.note?.(input);
  // Files the handler stores (an issued document's PDF) go when the transaction does not commit.
  const { files, removeStored } = trackStoredFiles(ctx.files);
  try {
    return await act(
      ctx,
      action.workflow,
      matterId,
      { action: action.name, expectedVersion, ...(note ? { note } : {}) },
      {
        ...(action.outcome !== undefined ? { outcome: action.outcome } : {}),
        data: action.data?.(input) ?? rest,
        apply: async (trx, _before, after) => {
          await checkEventDate(ctx, trx, action, matterId, input);
          await action.handle({ ...ctx, files }, trx, after, input);
        },
      },
    );
  } catch (e) {
    await removeStored();
    throw e;
  }
}

/** The names of the actions a module declared for a workflow: the generic matter route refuses them (they need their form). */
export const declaredActions = (actions: readonly AnyAction[] | undefined, wf: Pick<WorkflowDefinition, 'module' | 'kind'>): ReadonlySet<string> =>
  new Set((actions ?? []).filter((a) => a.workflow.module === wf.module && a.workflow.kind === wf.kind).map((a) => a.name));
