import { issueDocument, matterPartyNames, type ActionCtx, type Database, type DocumentKind } from '@sifa/kernel';
import type { Kysely } from 'kysely';
import { ACT_TYPES, CLOSINGS, PROCEDURES, type Closing, type Procedure } from '../shared/schemas';
import { findCase } from './repository';

// The documents 行政复议法 (../shared/laws/administrative-reconsideration-law-2023.md) names, issued as numbered PDFs by
// the kernel (number, QR code to the public verification page, SM3 hash, audit) inside the action that decides them.

/** The kinds, each with its number (the line's mark 复 and the document's: 赣州复决〔2026〕3号). */
export const CASE_DOCUMENT_KINDS = [
  { kind: 'reconsideration.correction-notice', nameZh: '补正通知书', nameEn: 'Notice to complete the application', number: '{abbr}复补〔{year}〕{seq}号' },
  { kind: 'reconsideration.decline-decision', nameZh: '不予受理决定书', nameEn: 'Decision not to accept', number: '{abbr}复不受〔{year}〕{seq}号' },
  { kind: 'reconsideration.extension-notice', nameZh: '延长审理期限通知书', nameEn: 'Notice of extension', number: '{abbr}复延〔{year}〕{seq}号' },
  { kind: 'reconsideration.termination-decision', nameZh: '终止行政复议决定书', nameEn: 'Decision to terminate', number: '{abbr}复终〔{year}〕{seq}号' },
  { kind: 'reconsideration.decision', nameZh: '行政复议决定书', nameEn: 'Reconsideration decision', number: '{abbr}复决〔{year}〕{seq}号' },
  { kind: 'reconsideration.mediation-document', nameZh: '行政复议调解书', nameEn: 'Reconsideration mediation document', number: '{abbr}复调〔{year}〕{seq}号' },
  { kind: 'reconsideration.opinion-letter', nameZh: '行政复议意见书', nameEn: 'Reconsideration opinion letter', number: '{abbr}复意〔{year}〕{seq}号' },
] as const satisfies readonly DocumentKind[];
export type CaseDocumentKind = (typeof CASE_DOCUMENT_KINDS)[number]['kind'];

const ROLE_ZH: Record<string, string> = { applicant: '申请人', agent: '委托代理人', 'third-party': '第三人' };

/** Issues `kind` for the case in the action's transaction, its text drawn from the case as it now stands. */
export async function issueCaseDocument(ctx: ActionCtx, trx: Kysely<Database>, id: string, kind: CaseDocumentKind) {
  const c = await findCase(trx, ctx.scope, id);
  if (!c) return;
  const parties = (await matterPartyNames(trx, id)).map((p) => `${ROLE_ZH[p.role] ?? '当事人'}：${p.name}${p.idMasked ? `（证件号码 ${p.idMasked}）` : ''}`);
  const head = [
    ...parties,
    `被申请人：${c.respondent}`,
    `申请人不服被申请人${(ACT_TYPES as Record<string, { zh: string } | undefined>)[c.actType]?.zh ?? ''}（${c.act}），于 ${c.receivedOn} 申请行政复议。`,
  ];
  const closing = c.closing ? CLOSINGS[c.closing as Closing] : undefined;
  const texts: Record<CaseDocumentKind, { title: string; body: string[] }> = {
    'reconsideration.correction-notice': {
      title: '补正通知书',
      body: [
        ...head,
        `经审查，你的行政复议申请材料不齐全或者表述不清楚，请补正以下事项：${c.correctionItems ?? ''}`,
        '请自收到本通知之日起十个工作日内提交补正材料；无正当理由逾期不补正的，视为放弃行政复议申请（《中华人民共和国行政复议法》第三十一条）。',
      ],
    },
    'reconsideration.decline-decision': {
      title: '不予受理决定书',
      body: [
        ...head,
        `经审查，本机关决定不予受理，理由如下：${c.declineReason ?? ''}`,
        ...(c.competentBody ? [`本案不属于本机关管辖，请向有管辖权的行政复议机关申请：${c.competentBody}。`] : []),
        '依据：《中华人民共和国行政复议法》第三十条第二款。',
      ],
    },
    'reconsideration.extension-notice': {
      title: '延长行政复议审理期限通知书',
      body: [
        ...head,
        '本案情况复杂，不能在规定期限内作出行政复议决定，经行政复议机构负责人批准，审理期限延长三十日以内（《中华人民共和国行政复议法》第六十二条第一款）。',
      ],
    },
    'reconsideration.termination-decision': {
      title: '终止行政复议决定书',
      body: [
        ...head,
        `本案因${closing?.zh ?? '法定情形'}，决定终止行政复议：${c.decisionSummary ?? ''}`,
        `依据：《中华人民共和国行政复议法》${closing?.article ?? '第四十一条'}。`,
      ],
    },
    'reconsideration.decision': {
      title: '行政复议决定书',
      body: [
        ...head,
        `审理程序：${PROCEDURES[(c.procedure ?? 'ordinary') as Procedure].zh}。`,
        `本机关决定：${closing?.zh ?? ''}。${c.decisionSummary ?? ''}`,
        `依据：《中华人民共和国行政复议法》${closing?.article ?? ''}。`,
        '申请人对本决定不服的，可以自收到本决定书之日起十五日内依法向人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十五条）。',
      ],
    },
    'reconsideration.mediation-document': {
      title: '行政复议调解书',
      body: [
        ...head,
        `经调解，当事人自愿达成如下协议：${c.decisionSummary ?? ''}`,
        '本调解书经各方当事人签字或者签章，即具有法律效力（《中华人民共和国行政复议法》第七十三条）。',
      ],
    },
    'reconsideration.opinion-letter': {
      title: '行政复议意见书',
      body: [
        ...head,
        `本机关在办理本案中发现被申请人的相关行政行为存在问题：${c.decisionSummary ?? ''}`,
        '请被申请人自收到本意见书之日起六十日内将纠正相关违法或者不当行政行为的情况报送本机关（《中华人民共和国行政复议法》第七十六条）。',
      ],
    },
  };
  const t = texts[kind];
  return issueDocument(ctx, { matterId: id, kind, title: t.title, body: t.body }, { trx });
}
