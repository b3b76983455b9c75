import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Result, Space, Tabs, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../api/client';
import { formatDate } from '../format/date';
import { pick, useI18n } from '../i18n';
import { PageLoading } from '../layout/PageLoading';
import { MatterHeader } from '../MatterHeader';
import type { StatusTone } from '../StatusTag';
import { nearestDeadline } from './deadline-view';
import { kernelTabs } from './kernel-tabs';
import type { KernelTabs, MatterTab } from './kernel-tabs';
import { partyRoleLabel } from './labels';
import { MatterActions } from './MatterActions';
import { MatterDeadlineBadge } from './MatterDeadlineBadge';
import { useMatter, useMatterDeadlines, useMatterParties } from './queries';
import type { MatterDetail, MatterParty } from './schemas';

/** The header's own fields when a module shows its record's (its status labels and tones). */
export interface MatterHeaderFields {
  number: string;
  title: string;
  statusLabel: string;
  statusTone: StatusTone;
  orgName?: string;
  /** ISO date or timestamp; shown as `YYYY-MM-DD`. */
  openedAt?: string;
}

/** A module's own record the page waits for (its query): its 404 and failure are the page's. */
export interface MatterRecordState {
  isPending: boolean;
  isError: boolean;
  isFetching: boolean;
  error: Error | null;
  refetch: () => unknown;
}

export interface MatterPageProps {
  /** The matter id; the route's `:id` when absent. */
  id?: string;
  /** A module's own record (e.g. the dispute): the page shows once it is loaded, and its 404 if it is missing. */
  record?: MatterRecordState;
  /** The header from the module's record; the kernel matter's fields and labels when absent. */
  header?: MatterHeaderFields;
  /** How the header names a party (e.g. with the masked ID); the name when absent. */
  partyName?: (party: MatterParty) => string;
  /** A party role's label; the kernel's role names when absent. */
  partyRole?: (role: string) => string;
  /** Buttons in the header's corner, before 返回. */
  headerExtra?: ReactNode;
  /** Where 返回 goes (and its text); back in the browser history when absent. */
  back?: { to: string; label: string };
  /** 404 title for the module's record. */
  notFoundTitle?: string;
  /** Cards between the header and the tabs (alerts, follow-up forms). */
  banners?: ReactNode;
  /** The page's tabs from the kernel's (details, parties, timeline, deadlines, documents, attachments); all of them when absent. */
  tabs?: (kernel: KernelTabs) => MatterTab[];
  /**
   * The action form host: the workflow's buttons and the form each opens. The kernel's (`MatterActions`, which opens a
   * module's registered `matterActionForms`) when absent.
   */
  actions?: (detail: MatterDetail, disabled: boolean) => ReactNode;
}

const useTabParam = (keys: readonly string[]) => {
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab = asked !== null && keys.includes(asked) ? asked : (keys[0] ?? '');
  const setTab = (key: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set('tab', key);
        return next;
      },
      { replace: true },
    );
  return [tab, setTab] as const;
};

/**
 * A matter's page, for the kernel and for modules: header (number, status, parties, nearest deadline, the workflow's
 * actions), banners, and tabs. A module fills the slots — its header fields, its own record, its tabs beside the
 * kernel's, its action host — instead of copying the page. The open tab is kept in `?tab=`.
 */
export function MatterPage(props: MatterPageProps) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const params = useParams();
  const id = props.id ?? params.id ?? '';
  const detail = useMatter(id);
  const parties = useMatterParties(id);
  const deadlines = useMatterDeadlines(id);
  const kernel = kernelTabs(id, t);
  const tabs: MatterTab[] = props.tabs
    ? props.tabs(kernel)
    : [kernel.details, kernel.parties, kernel.timeline, kernel.deadlines, kernel.documents, kernel.attachments];
  const [tab, setTab] = useTabParam(tabs.map((x) => x.key));

  const back = (
    <Button
      icon={<ArrowLeftOutlined />}
      onClick={() => void (props.back ? navigate(props.back.to) : navigate(-1))}
      aria-label={props.back?.label ?? t('matter.back')}
    >
      {props.back?.label ?? t('matter.back')}
    </Button>
  );

  // the page stands on the module's record when it has one, else on the kernel matter
  const gate: MatterRecordState = props.record ?? detail;
  if (gate.isPending) return <PageLoading />;
  if (gate.isError) {
    const missing = gate.error instanceof ApiError && gate.error.status === 404;
    const home = (
      <Button type="primary" onClick={() => void navigate('/')}>
        {t('error.backHome')}
      </Button>
    );
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? (props.notFoundTitle ?? t('matter.notFound')) : t('common.loadFailed')}
        subTitle={gate.error?.message}
        extra={
          missing ? (
            props.back ? (
              back
            ) : (
              home
            )
          ) : (
            <Button type="primary" onClick={() => void gate.refetch()}>
              {t('common.retry')}
            </Button>
          )
        }
      />
    );
  }

  const header: MatterHeaderFields | undefined =
    props.header ??
    (detail.data && {
      number: detail.data.matter.number,
      title: detail.data.matter.title,
      statusLabel: pick(lang, detail.data.statusLabel.zh, detail.data.statusLabel.en),
      statusTone: detail.data.matter.closedAt ? 'default' : 'processing',
      orgName: detail.data.matter.orgName,
      openedAt: detail.data.matter.openedAt,
    });
  if (!header) return <PageLoading />;
  const nearest = deadlines.data ? nearestDeadline(deadlines.data) : undefined;
  const disabled = detail.isFetching || (props.record?.isFetching ?? false);
  const actions = detail.data ? (
    props.actions ? (
      props.actions(detail.data, disabled)
    ) : (
      <MatterActions detail={detail.data} disabled={disabled} />
    )
  ) : detail.isError ? (
    <Typography.Text type="danger">{`${t('common.loadFailed')}${lang === 'en' ? ': ' : '：'}${detail.error.message}`}</Typography.Text>
  ) : undefined;

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
      <MatterHeader
        lang={lang}
        number={header.number}
        title={header.title}
        statusLabel={header.statusLabel}
        statusTone={header.statusTone}
        orgName={header.orgName}
        openedOn={header.openedAt ? formatDate(header.openedAt) : undefined}
        parties={(parties.data ?? []).map((p) => ({
          key: `${p.partyId}:${p.role}`,
          name: props.partyName ? props.partyName(p) : p.name,
          role: props.partyRole ? props.partyRole(p.role) : partyRoleLabel(p.role, t),
        }))}
        deadline={nearest ? <MatterDeadlineBadge deadline={nearest} /> : undefined}
        actions={actions}
        extra={
          props.headerExtra ? (
            <Space wrap style={{ justifyContent: 'flex-end' }}>
              {props.headerExtra}
              {back}
            </Space>
          ) : (
            back
          )
        }
      />
      {props.banners}
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs activeKey={tab} onChange={setTab} destroyOnHidden items={tabs} />
      </Card>
    </div>
  );
}
