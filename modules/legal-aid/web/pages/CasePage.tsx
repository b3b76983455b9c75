import { Descriptions } from 'antd';
import type { CaseDetail } from '@sifa/legal-aid/shared';
import { MatterPage } from '@sifa/ui';
import { useParams } from 'react-router-dom';
import { useCase } from '../queries';
import { statusTone, useText } from '../text';

/** The module's own fields of a case; the kernel's tabs show the rest. */
function CaseFacts({ data }: { data: CaseDetail }) {
  const { tx, channelLabel } = useText();
  return (
    <Descriptions column={1} bordered size="small" data-testid="case-facts">
      <Descriptions.Item label={tx('channel')}>{channelLabel(data.channel)}</Descriptions.Item>
      <Descriptions.Item label={tx('summary')}>{data.summary}</Descriptions.Item>
      {data.declineReason && <Descriptions.Item label={tx('declineReason')}>{data.declineReason}</Descriptions.Item>}
      {data.result && <Descriptions.Item label={tx('result')}>{data.result}</Descriptions.Item>}
    </Descriptions>
  );
}

/**
 * A case on the shared matter page: the header from the case, the workflow's buttons (accept confirms; decline and
 * close open their forms, WebModule.matterActionForms), the module's facts beside the kernel's tabs.
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
        kernel.timeline,
        kernel.deadlines,
        kernel.documents,
        kernel.attachments,
      ]}
    />
  );
}
