import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Result, Tabs } from 'antd';
import { MatterHeader } from '../MatterHeader';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../api/client';
import { pick, useI18n } from '../i18n';
import { formatDate } from '../format/date';
import { PageLoading } from '../layout/PageLoading';
import { AttachmentsTab } from './AttachmentsTab';
import { DeadlinesTab } from './DeadlinesTab';
import { DetailsTab } from './DetailsTab';
import { DocumentsTab } from './DocumentsTab';
import { MatterActions } from './MatterActions';
import { MatterDeadlineBadge } from './MatterDeadlineBadge';
import { PartiesTab } from './PartiesTab';
import { TimelineTab } from './TimelineTab';
import { nearestDeadline } from './deadline-view';
import { matterLabels, partyRoleLabel } from './labels';
import { useWebModules } from './modules';
import { useMatter, useMatterDeadlines, useMatterParties } from './queries';

const TABS = ['details', 'parties', 'timeline', 'deadlines', 'documents', 'attachments'] as const;
type TabKey = (typeof TABS)[number];
const isTab = (v: string | null): v is TabKey => v !== null && (TABS as readonly string[]).includes(v);

/**
 * A matter of any module: header (number, status, parties, nearest deadline, the workflow's actions) and tabs for
 * details, parties, the action log, deadlines, documents and attachments. The open tab is kept in `?tab=`.
 */
export function MatterPage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const modules = useWebModules();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const tab: TabKey = isTab(params.get('tab')) ? (params.get('tab') as TabKey) : 'details';
  const detail = useMatter(id);
  const parties = useMatterParties(id);
  const deadlines = useMatterDeadlines(id);

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)} aria-label={t('matter.back')}>
      {t('matter.back')}
    </Button>
  );

  if (detail.isPending) return <PageLoading />;
  if (detail.isError) {
    const missing = detail.error instanceof ApiError && detail.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('matter.notFound') : t('common.loadFailed')}
        subTitle={detail.error.message}
        extra={
          missing ? (
            <Button type="primary" onClick={() => void navigate('/')}>
              {t('error.backHome')}
            </Button>
          ) : (
            <Button type="primary" onClick={() => void detail.refetch()}>
              {t('common.retry')}
            </Button>
          )
        }
      />
    );
  }

  const data = detail.data;
  const { matter } = data;
  const labels = matterLabels(data, lang, t, modules);
  const nearest = deadlines.data ? nearestDeadline(deadlines.data) : undefined;

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <MatterHeader
        lang={lang}
        number={matter.number}
        title={matter.title}
        statusLabel={pick(lang, data.statusLabel.zh, data.statusLabel.en)}
        statusTone={matter.closedAt ? 'default' : 'processing'}
        orgName={matter.orgName}
        openedOn={formatDate(matter.openedAt)}
        parties={(parties.data ?? []).map((p) => ({
          key: `${p.partyId}:${p.role}`,
          name: p.name,
          role: partyRoleLabel(p.role, t),
        }))}
        deadline={nearest ? <MatterDeadlineBadge deadline={nearest} /> : undefined}
        actions={<MatterActions detail={data} disabled={detail.isFetching} />}
        extra={back}
      />
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
            { key: 'details', label: t('matter.tab.details'), children: <DetailsTab detail={data} labels={labels} /> },
            { key: 'parties', label: t('matter.tab.parties'), children: <PartiesTab matterId={matter.id} /> },
            {
              key: 'timeline',
              label: t('matter.tab.timeline'),
              children: <TimelineTab matterId={matter.id} labels={labels} />,
            },
            { key: 'deadlines', label: t('matter.tab.deadlines'), children: <DeadlinesTab matterId={matter.id} /> },
            {
              key: 'documents',
              label: t('matter.tab.documents'),
              children: <DocumentsTab matterId={matter.id} module={matter.module} />,
            },
            {
              key: 'attachments',
              label: t('matter.tab.attachments'),
              children: <AttachmentsTab matterId={matter.id} />,
            },
          ]}
        />
      </Card>
    </div>
  );
}
