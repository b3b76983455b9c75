import { CLOSINGS, DECISION_CLOSINGS, SUSPENSION_GROUNDS, TERMINATION_CLOSINGS, type FormAction } from '@sifa/reconsideration/shared';

/** One field of an action's form: its name in the shared schema (shared/schemas.ts), its label and its input. */
export interface ActionField {
  name: string;
  label: string;
  input: 'text' | 'textarea' | 'date' | 'number' | 'switch' | 'select' | 'radio';
  options?: readonly { value: string; label: string }[];
  /** Shown only when the form's value of `name` is `value`. */
  when?: { name: string; value: unknown };
  /** Prefilled with today (dates) or this value. */
  initial?: string | boolean;
  required?: boolean;
}

const closingOptions = (keys: readonly string[]) =>
  keys.map((k) => ({ value: k, label: `${CLOSINGS[k as keyof typeof CLOSINGS].zh}（${CLOSINGS[k as keyof typeof CLOSINGS].article}）` }));

/**
 * The forms of the typed actions, field by field, in the statute's words (行政复议法,
 * ../shared/laws/administrative-reconsideration-law-2023.md). The shared schema checks them before sending.
 */
export const ACTION_FIELDS: Record<FormAction, readonly ActionField[]> = {
  requestCorrection: [
    { name: 'items', label: '需要补正的事项（一次性载明，第三十一条第一款）', input: 'textarea', required: true },
    { name: 'notifiedOn', label: '申请人收到补正通知的日期', input: 'date', initial: 'today', required: true },
  ],
  receiveCorrection: [{ name: 'receivedOn', label: '收到补正材料的日期', input: 'date', initial: 'today', required: true }],
  abandon: [{ name: 'note', label: '记录在案的情况（逾期未补正且无正当理由，第三十一条第二款）', input: 'textarea', required: true }],
  accept: [
    {
      name: 'procedure',
      label: '审理程序',
      input: 'radio',
      initial: 'ordinary',
      options: [
        { value: 'ordinary', label: '普通程序' },
        { value: 'simplified', label: '简易程序（第五十三条）' },
      ],
      required: true,
    },
    {
      name: 'simplifiedGround',
      label: '适用简易程序的情形（当场作出、警告或通报批评、款额三千元以下、政府信息公开，或者各方同意）',
      input: 'text',
      when: { name: 'procedure', value: 'simplified' },
      required: true,
    },
    { name: 'acceptedOn', label: '受理日期', input: 'date', initial: 'today', required: true },
  ],
  decline: [
    { name: 'reason', label: '不予受理的理由（第三十条第二款）', input: 'textarea', required: true },
    { name: 'outsideJurisdiction', label: '不属于本机关管辖', input: 'switch', initial: false },
    { name: 'competentBody', label: '有管辖权的行政复议机关', input: 'text', when: { name: 'outsideJurisdiction', value: true }, required: true },
  ],
  suspend: [
    {
      name: 'ground',
      label: '中止的情形（第三十九条第一款）',
      input: 'select',
      options: SUSPENSION_GROUNDS.map((g) => ({ value: g, label: g })),
      required: true,
    },
    { name: 'from', label: '中止日期（自该日起审理期限停止计算）', input: 'date', initial: 'today', required: true },
  ],
  resume: [{ name: 'on', label: '恢复审理日期（第三十九条第二款）', input: 'date', initial: 'today', required: true }],
  terminate: [
    { name: 'closing', label: '终止的情形（第四十一条）', input: 'select', options: closingOptions(TERMINATION_CLOSINGS), required: true },
    { name: 'reason', label: '终止的理由', input: 'textarea', required: true },
    { name: 'closedOn', label: '终止日期', input: 'date', initial: 'today', required: true },
  ],
  extend: [
    { name: 'days', label: '延长天数（最多三十日，第六十二条第一款）', input: 'number', initial: '30', required: true },
    { name: 'approvedBy', label: '批准的行政复议机构负责人', input: 'text', required: true },
    { name: 'reason', label: '延长的理由（情况复杂）', input: 'textarea', required: true },
  ],
  convert: [{ name: 'reason', label: '转为普通程序的理由（第五十五条）', input: 'textarea', required: true }],
  decide: [
    {
      name: 'closing',
      label: '决定类型（第六十三至六十九条、第七十三条、第三十三条）',
      input: 'select',
      options: closingOptions(DECISION_CLOSINGS),
      required: true,
    },
    { name: 'summary', label: '决定要点', input: 'textarea', required: true },
    { name: 'decidedOn', label: '决定日期', input: 'date', initial: 'today', required: true },
    { name: 'lossRecoveredYuan', label: '为申请人挽回经济损失（元）', input: 'number' },
    { name: 'publish', label: '向社会公开决定书（第七十九条）', input: 'switch', initial: false },
  ],
};
