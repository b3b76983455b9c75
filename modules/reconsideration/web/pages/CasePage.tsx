import { Descriptions, Tag } from 'antd';
import type { ReactNode } from 'react';
import type { CaseDetail } from '@sifa/reconsideration/shared';
import { formatYuan, MatterPage } from '@sifa/ui';
import { useParams } from 'react-router-dom';
import { useCase } from '../queries';
import { statusTone, useText } from '../text';

/** The module's own fields of a case; the kernel's tabs show the rest (parties, timeline, deadlines, documents). */
function CaseFacts({ data }: { data: CaseDetail }) {
  const { tx, lang, channelLabel, sectorLabel, actTypeLabel, closingLabel, procedureLabel } = useText();
  const item = (label: string, value: ReactNode) =>
    value === null || value === undefined || value === '' ? null : <Descriptions.Item label={label}>{value}</Descriptions.Item>;
  return (
    <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" data-testid="case-facts">
      {item(tx('respondent'), data.respondent)}
      {item(tx('sector'), sectorLabel(data.sector))}
      {item(tx('actType'), actTypeLabel(data.actType))}
      {item(tx('channel'), channelLabel(data.channel) + (data.forwardedBy ? `（${data.forwardedBy}）` : ''))}
      {item(tx('act'), data.act)}
      {item(tx('request'), data.request)}
      {item(tx('reasons'), data.reasons)}
      {item(tx('receivedOn'), data.receivedOn)}
      {item(tx('actKnownOn'), data.actKnownOn)}
      {item(tx('windowDue'), data.windowDue)}
      {item(tx('lateReason'), data.lateReason)}
      {data.reconsiderationFirst && item(tx('first'), <Tag color="orange">{tx('first')}（第二十三条）</Tag>)}
      {data.enterprise && item(tx('enterprise'), tx('yes'))}
      {item(tx('correctionItems'), data.correctionItems)}
      {item(tx('procedure'), procedureLabel(data.procedure))}
      {item(tx('acceptedOn'), data.acceptedOn && (data.deemedAccepted ? `${data.acceptedOn}（${tx('deemed')}，第三十条第三款）` : data.acceptedOn))}
      {item(tx('declineReason'), data.declineReason)}
      {item(tx('competentBody'), data.competentBody)}
      {item(tx('closing'), data.closing && <span data-testid="case-closing">{closingLabel(data.closing)}</span>)}
      {item(tx('closedOn'), data.closedOn)}
      {item(tx('decisionSummary'), data.decisionSummary)}
      {data.lossRecoveredFen > 0 && item(tx('lossRecovered'), `${formatYuan(data.lossRecoveredFen / 100, lang)} 元`)}
      {data.published && item(tx('published'), tx('yes'))}
    </Descriptions>
  );
}

/**
 * A case on the shared matter page: the header from the case, the workflow's buttons (each action opens its form,
 * WebModule.matterActionForms), the module's facts beside the kernel's tabs.
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
      back={{ to: '/reconsideration/cases', label: tx('back') }}
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
        kernel.parties,
        kernel.timeline,
        kernel.deadlines,
        kernel.documents,
        kernel.attachments,
      ]}
    />
  );
}
