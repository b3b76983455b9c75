import { FileTextOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { MatterPage, useCan } from '@sifa/ui';
import { useNavigate, useParams } from 'react-router-dom';
import { ConfirmationCard } from './ConfirmationCard';
import { FollowUpCard } from './FollowUpCard';
import { RatingsCard } from './RatingsCard';
import { DisputeActions } from './DisputeActions';
import { DisputeFacts } from './DisputeFacts';
import { HistoryTab } from './HistoryTab';
import { RelatedAlert } from './RelatedAlert';
import { RiskButton } from './RiskButton';
import { SessionsTab } from './SessionsTab';
import { partyRoleLabel, statusLabel, statusTone } from '../common/labels';
import { useMediationText } from '../common/messages';
import { useDispute } from './queries';

/** 文书/附件: kept on the kernel's matter page, which issues, prints and verifies documents and holds attachments. */
function DocumentsLinks({ id }: { id: string }) {
  const { mt } = useMediationText();
  const navigate = useNavigate();
  const canOpen = useCan('kernel.matter.read');
  if (!canOpen) return <Typography.Text type="secondary">{mt('detail.noMatterPage')}</Typography.Text>;
  return (
    <Space orientation="vertical">
      <Typography.Text>{mt('detail.documentsText')}</Typography.Text>
      <Space wrap>
        <Button icon={<FileTextOutlined />} onClick={() => void navigate(`/matters/${id}?tab=documents`)}>
          {mt('detail.openDocuments')}
        </Button>
        <Button icon={<PaperClipOutlined />} onClick={() => void navigate(`/matters/${id}?tab=attachments`)}>
          {mt('detail.openAttachments')}
        </Button>
      </Space>
    </Space>
  );
}

/**
 * 纠纷详情 on the shared matter page: the dispute's status in the header, the risk button, the risk alert with related
 * disputes, the judicial confirmation and follow-up after an agreement, and tabs for the facts, parties, sessions,
 * history, deadlines and documents; each dispute action opens its form (DisputeActions).
 */
export function DisputePage() {
  const { mt, lang } = useMediationText();
  const { id = '' } = useParams();
  const canAct = useCan('mediation.dispute.act');
  const dispute = useDispute(id);
  const data = dispute.data;

  return (
    <MatterPage
      id={id}
      record={dispute}
      notFoundTitle={mt('detail.notFound')}
      back={{ to: '/mediation/disputes', label: mt('detail.back') }}
      header={
        data && {
          number: data.matter.number,
          title: data.matter.title,
          statusLabel: statusLabel(data.matter.status, lang),
          statusTone: statusTone(data.matter.status),
          orgName: data.matter.orgName,
          openedAt: data.matter.openedAt,
        }
      }
      partyName={(p) => (p.idMasked ? `${p.name} ${p.idMasked}` : p.name)}
      partyRole={(role) => partyRoleLabel(role, lang)}
      headerExtra={canAct && data ? <RiskButton dispute={data} /> : undefined}
      actions={(detail, disabled) => <DisputeActions detail={detail} disabled={disabled} />}
      banners={
        data && (
          <>
            <RelatedAlert dispute={data} />
            {data.matter.status === 'agreed' && <ConfirmationCard dispute={data} canAct={canAct} />}
            {data.matter.status === 'agreed' && <FollowUpCard dispute={data} canAct={canAct} />}
            {data.matter.closedAt && <RatingsCard dispute={data} />}
          </>
        )
      }
      tabs={(kernel) => [
        { key: 'facts', label: mt('detail.tab.facts'), children: data && <DisputeFacts dispute={data} /> },
        // the kit's parties tab, its roles labelled from the dispute workflow's partyRoles
        { ...kernel.parties, label: mt('detail.tab.parties') },
        { key: 'sessions', label: mt('detail.tab.sessions'), children: <SessionsTab disputeId={id} /> },
        { key: 'timeline', label: mt('detail.tab.timeline'), children: <HistoryTab disputeId={id} /> },
        { ...kernel.deadlines, label: mt('detail.tab.deadlines') },
        { key: 'documents', label: mt('detail.tab.documents'), children: <DocumentsLinks id={id} /> },
      ]}
    />
  );
}
