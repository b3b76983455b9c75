import { z } from 'zod';
import { ctxOf, defineAction, defineIndicator, defineModule, defineWorkflow, Matter, openMatter, ActInput } from '@sifa/kernel';

/** A minimal business module for kernel tests: the smallest workflow that exercises matters. */
export const SAMPLE_WORKFLOW = defineWorkflow({
  module: 'sample',
  kind: 'case',
  number: '{abbr}样〔{year}〕{seq}号',
  statuses: ['registered', 'accepted', 'declined', 'closed'],
  initial: 'registered',
  terminal: ['declined', 'closed'],
  transitions: {
    registered: { accept: 'accepted', decline: 'declined' },
    accepted: { close: 'closed' },
    declined: {},
    closed: {},
  },
  partyRoles: [
    { code: 'applicant', zh: '申请人', en: 'Applicant' },
    { code: 'respondent', zh: '被申请人', en: 'Respondent' },
  ],
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

/** Declining needs a reason: a typed action (ADR 0014), so the generic matter route refuses it. */
export const SAMPLE_DECLINE = defineAction({
  workflow: SAMPLE_WORKFLOW,
  name: 'decline',
  input: ActInput.omit({ action: true }).extend({ reason: z.string().min(2, '请填写不予受理的理由') }),
  outcome: 'declined',
  note: (input) => input.reason,
  data: (input) => ({ reason: input.reason }),
  probe: { resource: 'matter', body: { reason: '不属于受理范围' } },
  handle: async () => {},
});

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
  actions: [SAMPLE_DECLINE],
  indicators: SAMPLE_INDICATORS,
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
      async (req, reply) => reply.code(201).send(await openMatter(ctxOf(req, engine.db), SAMPLE_WORKFLOW, req.body)),
    );
  },
});
