import { ArrowLeftOutlined, FileTextOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Card, Result, Space, Tabs, Typography } from 'antd';
import { ApiError, DeadlinesTab, formatDate, MatterDeadlineBadge, MatterHeader, nearestDeadline, PageLoading, useCan, useMatter, useMatterDeadlines, useMatterParties } from '@sifa/ui';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ConfirmationCard } from '../components/ConfirmationCard';
import { FollowUpCard } from '../components/FollowUpCard';
import { DisputeActions } from '../components/DisputeActions';
import { DisputeFacts } from '../components/DisputeFacts';
import { HistoryTab } from '../components/HistoryTab';
import { PartiesTab } from '../components/PartiesTab';
import { RelatedAlert } from '../components/RelatedAlert';
import { RiskButton } from '../components/RiskButton';
import { SessionsTab } from '../components/SessionsTab';
import { partyRoleLabel, statusLabel, statusTone } from '../labels';
import { useMediationText } from '../messages';
import { useDispute } from '../queries';

const TABS = ['facts', 'parties', 'sessions', 'timeline', 'deadlines', 'documents'] as const;
type TabKey = (typeof TABS)[number];
const isTab = (v: string | null): v is TabKey => v !== null && (TABS as readonly string[]).includes(v);

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
 * 纠纷详情: header (number, status, parties, nearest deadline, the actions allowed now), the risk alert with related
 * disputes, the judicial confirmation after an agreement, and tabs for the facts, parties, sessions, history,
 * deadlines and documents. The open tab is kept in `?tab=`.
 */
export function DisputePage() {
  const { t, mt, lang } = useMediationText();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab: TabKey = isTab(params.get('tab')) ? (params.get('tab') as TabKey) : 'facts';
  const canAct = useCan('mediation.dispute.act');
  const dispute = useDispute(id);
  const detail = useMatter(id);
  const parties = useMatterParties(id);
  const deadlines = useMatterDeadlines(id);

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/mediation/disputes')}>
      {mt('detail.back')}
    </Button>
  );

  if (dispute.isPending) return <PageLoading />;
  if (dispute.isError) {
    const missing = dispute.error instanceof ApiError && dispute.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? mt('detail.notFound') : t('common.loadFailed')}
        subTitle={dispute.error.message}
        extra={
          missing ? (
            back
          ) : (
            <Button type="primary" onClick={() => void dispute.refetch()}>
              {t('common.retry')}
            </Button>
          )
        }
      />
    );
  }

  const data = dispute.data;
  const { matter } = data;
  const nearest = deadlines.data ? nearestDeadline(deadlines.data) : undefined;
  const actions = detail.data ? (
    <DisputeActions detail={detail.data} disabled={detail.isFetching || dispute.isFetching} />
  ) : detail.isError ? (
    <Typography.Text type="danger">{mt('common.loadFailed', { message: detail.error.message })}</Typography.Text>
  ) : undefined;

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <MatterHeader
        lang={lang}
        number={matter.number}
        title={matter.title}
        statusLabel={statusLabel(matter.status, lang)}
        statusTone={statusTone(matter.status)}
        orgName={matter.orgName}
        openedOn={formatDate(matter.openedAt)}
        parties={(parties.data ?? []).map((p) => ({
          key: `${p.partyId}:${p.role}`,
          name: p.idMasked ? `${p.name} ${p.idMasked}` : p.name,
          role: partyRoleLabel(p.role, lang),
        }))}
        deadline={nearest ? <MatterDeadlineBadge deadline={nearest} /> : undefined}
        actions={actions}
        extra={
          <Space wrap style={{ justifyContent: 'flex-end' }}>
            {canAct && <RiskButton dispute={data} />}
            {back}
          </Space>
        }
      />
      <RelatedAlert dispute={data} />
      {matter.status === 'agreed' && <ConfirmationCard dispute={data} canAct={canAct} />}
      {matter.status === 'agreed' && <FollowUpCard dispute={data} canAct={canAct} />}
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) =>
            setParams(
              (p) => {
                const next = new URLSearchParams(p);
                next.set('tab', key);
                return next;
              },
              { replace: true },
            )
          }
          destroyOnHidden
          items={[
            { key: 'facts', label: mt('detail.tab.facts'), children: <DisputeFacts dispute={data} /> },
            { key: 'parties', label: mt('detail.tab.parties'), children: <PartiesTab disputeId={id} /> },
            { key: 'sessions', label: mt('detail.tab.sessions'), children: <SessionsTab disputeId={id} /> },
            { key: 'timeline', label: mt('detail.tab.timeline'), children: <HistoryTab disputeId={id} /> },
            { key: 'deadlines', label: mt('detail.tab.deadlines'), children: <DeadlinesTab matterId={id} /> },
            { key: 'documents', label: mt('detail.tab.documents'), children: <DocumentsLinks id={id} /> },
          ]}
        />
      </Card>
    </div>
  );
}
