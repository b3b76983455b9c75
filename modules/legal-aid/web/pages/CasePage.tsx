import { Alert, Descriptions, Empty, Timeline } from 'antd';
import { NOTIFYING_BODIES, PROGRESS_KINDS, TERMINATION_GROUNDS, type CaseDetail } from '@sifa/legal-aid/shared';
import { formatDate, MatterPage } from '@sifa/ui';
import { useParams } from 'react-router-dom';
import { useCase } from '../queries';
import { statusTone, useText } from '../text';

const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const zhOf = (t: Record<string, { zh: string }>, k: string | null) => (k ? ((t as Record<string, { zh: string } | undefined>)[k]?.zh ?? k) : null);

/** The module's own fields of a case: above all the article that makes the applicant eligible (issue #15 item 2). */
function CaseFacts({ data }: { data: CaseDetail }) {
  const { tx, channelLabel, categoryLabel } = useText();
  const item = (label: string, value: React.ReactNode) =>
    value === null || value === undefined || value === '' ? null : <Descriptions.Item label={label}>{value}</Descriptions.Item>;
  return (
    <>
      <Alert
        type={data.eligible ? 'success' : 'warning'}
        showIcon
        title={`${tx('article')}：《法律援助法》${data.eligibilityArticle}`}
        description={data.eligibilityBasis}
        style={{ marginBottom: 12 }}
        data-testid="case-eligibility"
      />
      {data.priorAid && <Alert type="warning" showIcon title={tx('priorAid')} style={{ marginBottom: 12 }} />}
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" data-testid="case-facts">
        {item(tx('category'), categoryLabel(data.category))}
        {item(tx('channel'), channelLabel(data.channel))}
        {item(tx('receivedOn'), data.receivedOn)}
        {item(tx('notifiedBy'), [zhOf(NOTIFYING_BODIES, data.notifiedBy), data.notifyingOrgan].filter(Boolean).join(' ') || null)}
        {item(tx('receivedAt'), data.receivedAt)}
        {item(tx('routingReason'), data.routingReason)}
        {data.capitalCase && item(tx('capitalCase'), '是')}
        {item(tx('summary'), data.summary)}
        {item(tx('materials'), data.materialsRequested)}
        {item(tx('decisionReason'), data.decisionReason)}
        {item(
          tx('lawyer'),
          data.lawyerName && `${data.lawyerName}${data.assignedOn ? `（${data.assignedOn} 指派${data.sameDay ? '，当日受理指派' : ''}）` : ''}`,
        )}
        {item(tx('suggestion'), data.assignmentReason)}
        {item(tx('ground'), data.terminationGround && (TERMINATION_GROUNDS as Record<string, string>)[data.terminationGround])}
        {item(tx('outcome'), data.outcome)}
        {item(tx('benefit'), data.benefitFen === null ? null : yuan(data.benefitFen))}
      </Descriptions>
    </>
  );
}

/** 司法部令第148号: meetings, file reading, hearings and the assignment, newest last. */
function CaseProgress({ data }: { data: CaseDetail }) {
  if (!data.progress.length) return <Empty description="暂无办理进展" />;
  return (
    <Timeline
      data-testid="case-progress"
      items={data.progress.map((p) => ({
        content: `${formatDate(p.at)} ${zhOf(PROGRESS_KINDS, p.kind) ?? ''} ${p.date ? `（${p.date}）` : ''}${p.note} — ${p.by}`,
      }))}
    />
  );
}

/**
 * A case on the shared matter page: the header from the case, the workflow's buttons (each opens its form,
 * WebModule.matterActionForms), the module's facts and progress beside the kernel's tabs.
 */
export function CasePage() {
  const { tx, statusLabel } = useText();
  const { id = '' } = useParams();
  const record = useCase(id);
  const data = record.data;
  return (
    <MatterPage
      id={id}
      record={record}
      notFoundTitle={tx('notFound')}
      back={{ to: '/legal-aid/cases', label: tx('back') }}
      header={
        data && {
          number: data.number,
          title: data.title,
          statusLabel: statusLabel(data.status),
          statusTone: statusTone(data.status),
          orgName: data.orgName,
          openedAt: data.openedAt,
        }
      }
      tabs={(kernel) => [
        { key: 'facts', label: tx('facts'), children: data && <CaseFacts data={data} /> },
        { key: 'progress', label: tx('progress'), children: data && <CaseProgress data={data} /> },
        kernel.parties,
        kernel.timeline,
        kernel.deadlines,
        kernel.documents,
        kernel.attachments,
      ]}
    />
  );
}
