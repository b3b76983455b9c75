import { closeMatterDeadlines, defineAction } from '@sifa/kernel';
import { CloseInput, DeclineInput } from '../shared/schemas';
import { CASE_WORKFLOW } from '../shared/workflow';
import { updateCase } from './repository';

// The typed actions (ADR 0014): the kernel makes `POST /api/legal-aid/cases/:id/<action>`, checks the permission,
// the scope, the version and the transition, and audits; the handler's writes join that transaction. `accept` has
// no form: it goes through the kernel's plain matter route (POST /api/matters/:id/actions).

/** 不予受理, with the reason: the handling period ends. */
const decline = defineAction({
  workflow: CASE_WORKFLOW,
  name: 'decline',
  input: DeclineInput,
  outcome: 'declined',
  note: (input) => input.reason,
  probe: { body: { reason: '不属于受理范围' } },
  handle: async (ctx, trx, matter, input) => {
    await closeMatterDeadlines(ctx, trx, matter.id);
    await updateCase(trx, matter.id, { declineReason: input.reason });
  },
});

/** 办结, with the result: the handling period ends. */
const close = defineAction({
  workflow: CASE_WORKFLOW,
  name: 'close',
  input: CloseInput,
  outcome: 'closed',
  probe: { body: { result: '已办结' } },
  handle: async (ctx, trx, matter, input) => {
    await closeMatterDeadlines(ctx, trx, matter.id);
    await updateCase(trx, matter.id, { result: input.result });
  },
});

/** Every typed action of the case workflow, for `defineModule({ actions })`. */
export const CASE_ACTIONS = [decline, close];
