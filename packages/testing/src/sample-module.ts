import { z } from 'zod';
import { ctxOf, defineIndicator, defineModule, defineWorkflow, IdParams, Matter, act, openMatter, ActInput } from '@sifa/kernel';

/** A minimal business module for kernel tests: the smallest workflow that exercises matters. */
export const SAMPLE_WORKFLOW = defineWorkflow({
  module: 'sample',
  kind: 'case',
  statuses: ['registered', 'accepted', 'declined', 'closed'],
  initial: 'registered',
  terminal: ['declined', 'closed'],
  transitions: {
    registered: { accept: 'accepted', decline: 'declined' },
    accepted: { close: 'closed' },
    declined: {},
    closed: {},
  },
  requiresForm: ['decline'],
  labels: {
    statuses: {
      registered: { zh: '已登记', en: 'Registered' },
      accepted: { zh: '已受理', en: 'Accepted' },
      declined: { zh: '不予受理', en: 'Declined' },
      closed: { zh: '已办结', en: 'Closed' },
    },
    actions: { accept: { zh: '受理', en: 'Accept' }, decline: { zh: '不予受理', en: 'Decline' }, close: { zh: '办结', en: 'Close' } },
  },
});

export const SAMPLE_NUMBER = '{abbr}样〔{year}〕{seq}号';

const base = [{ column: 'module', op: 'eq', value: 'sample' }] as const;

export const SAMPLE_INDICATORS = [
  defineIndicator({
    id: 'sample.accepted',
    nameZh: '受理数',
    nameEn: 'Accepted',
    permission: 'sample.case.read',
    source: 'kernel.matters',
    numerator: [...base, { column: 'status', op: 'in', value: ['accepted', 'closed'] }],
    unit: 'count',
    decimals: 0,
  }),
  defineIndicator({
    id: 'sample.close-rate',
    nameZh: '办结率',
    nameEn: 'Closure rate',
    permission: 'sample.case.read',
    source: 'kernel.matters',
    numerator: [...base, { column: 'status', op: 'eq', value: 'closed' }],
    denominator: [...base, { column: 'status', op: 'in', value: ['accepted', 'closed'] }],
    unit: 'percent',
    decimals: 2,
  }),
];

export const sampleModule = defineModule({
  name: 'sample',
  labelZh: '样例',
  labelEn: 'Sample',
  permissions: ['sample.case.read', 'sample.case.write', 'sample.case.act'],
  roleGrants: {
    'county-staff': ['sample.case.read', 'sample.case.write', 'sample.case.act'],
    'office-staff': ['sample.case.read', 'sample.case.write', 'sample.case.act'],
    'city-staff': ['sample.case.read'],
    'city-leader': ['sample.case.read'],
  },
  workflows: [SAMPLE_WORKFLOW],
  indicators: SAMPLE_INDICATORS,
  numbers: { case: SAMPLE_NUMBER },
  // what the kernel's document tests and the scope test issue on sample matters
  documentKinds: [
    { kind: 'sample.notice', nameZh: '通知书', nameEn: 'Notice' },
    { kind: 'sample.acceptance-notice', nameZh: '受理通知书', nameEn: 'Acceptance notice' },
  ],
  routes(app, { engine }) {
    app.post(
      '/api/sample/cases',
      {
        config: { permission: 'sample.case.write', scopeProbe: { kind: 'bodyOrg', field: 'orgId', body: { title: '越权登记' } } },
        schema: { body: z.object({ orgId: z.uuid(), title: z.string().min(2) }), response: { 201: Matter } },
      },
      async (req, reply) => reply.code(201).send(await openMatter(ctxOf(req, engine.db), SAMPLE_WORKFLOW, SAMPLE_NUMBER, req.body)),
    );
    app.post(
      '/api/sample/cases/:id/decline',
      {
        config: { permission: 'sample.case.act', scopeProbe: { kind: 'resource', resource: 'matter', body: { expectedVersion: 1, reason: '不属于受理范围' } } },
        schema: {
          params: IdParams,
          body: ActInput.omit({ action: true }).extend({ reason: z.string().min(2, '请填写不予受理的理由') }),
          response: { 200: Matter },
        },
      },
      (req) =>
        act(
          ctxOf(req, engine.db),
          SAMPLE_WORKFLOW,
          req.params.id,
          { action: 'decline', expectedVersion: req.body.expectedVersion, note: req.body.reason },
          { outcome: 'declined', data: { reason: req.body.reason } },
        ),
    );
  },
});
