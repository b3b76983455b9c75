import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, InputNumber, Row, Space, Table, Typography } from 'antd';
import type { NamedDate } from '@sifa/kernel/shared';
import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { rowsFromSchedule } from '../calendar-rows';
import type { CalendarRow } from '../calendar-rows';
import { CalendarLoadModal } from '../components/CalendarLoadModal';
import { CalendarYearView } from '../components/CalendarYearView';
import { useCalendarYears } from '../queries';
import type { CalendarYearSummary } from '../queries';
import { formatDate, notifySuccess, todayInShanghai } from '@sifa/ui';

interface Draft {
  year: number;
  source?: string;
  rows: CalendarRow[];
}

/** 节假日安排: the years loaded, one year's days, and loading a newly published (or corrected) year. */
export function CalendarPage() {
  const { t } = useI18n();
  const years = useCalendarYears();
  const thisYear = Number(todayInShanghai().slice(0, 4));
  const [selected, setSelected] = useState<number>(thisYear);
  const [draft, setDraft] = useState<Draft | undefined>(undefined);
  const list = useMemo(() => [...(years.data ?? [])].sort((a, b) => b.year - a.year), [years.data]);
  const loaded = useMemo(() => new Set(list.map((y) => y.year)), [list]);
  const newest = list[0]?.year;
  const oldest = list[list.length - 1]?.year;
  const nextMissing = !years.isPending && !loaded.has(thisYear + 1);

  const correct = (year: number) => (data: { source: string | null; holidays: NamedDate[]; workdays: NamedDate[] }) =>
    setDraft({ year, ...(data.source ? { source: data.source } : {}), rows: rowsFromSchedule(data) });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('calendar.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDraft({ year: (newest ?? thisYear) + 1, rows: [] })}>
            {t('calendar.load')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t('calendar.intro')}</Typography.Paragraph>
        {newest !== undefined && oldest !== undefined && (
          <Typography.Paragraph data-testid="calendar-coverage">
            {t('calendar.coverage', { from: String(oldest), to: String(newest), n: list.length })}
          </Typography.Paragraph>
        )}
        {nextMissing && <Alert type="warning" showIcon title={t('calendar.nextMissing', { year: String(thisYear + 1) })} style={{ marginBottom: 16 }} />}
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={10}>
            <Space style={{ marginBottom: 8 }} wrap>
              <Typography.Text>{t('calendar.view')}</Typography.Text>
              <InputNumber min={1990} max={2200} value={selected} onChange={(v) => v && setSelected(v)} aria-label={t('calendar.view')} />
            </Space>
            <Table<CalendarYearSummary>
              rowKey="year"
              size="small"
              loading={years.isFetching}
              dataSource={list}
              pagination={{ pageSize: 10, showSizeChanger: false, size: 'small' }}
              onRow={(r) => ({ onClick: () => setSelected(r.year), style: { cursor: 'pointer' } })}
              rowClassName={(r) => (r.year === selected ? 'ant-table-row-selected' : '')}
              columns={[
                { title: t('calendar.year'), dataIndex: 'year', width: 72 },
                { title: t('calendar.holidayCount'), dataIndex: 'holidays', width: 80 },
                { title: t('calendar.workdayCount'), dataIndex: 'workdays', width: 80 },
                { title: t('calendar.loadedAt'), dataIndex: 'loadedAt', render: (_v, r) => formatDate(r.loadedAt) },
                {
                  title: t('calendar.loadedBy'),
                  dataIndex: 'loadedBy',
                  render: (_v, r) => r.loadedBy ?? t('common.none'),
                },
              ]}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('calendar.none')} /> }}
            />
          </Col>
          <Col xs={24} lg={14}>
            <CalendarYearView year={selected} onCorrect={correct(selected)} />
          </Col>
        </Row>
      </Card>
      {draft && (
        <CalendarLoadModal
          initialYear={draft.year}
          initialSource={draft.source}
          initialRows={draft.rows}
          loadedYears={loaded}
          onClose={() => setDraft(undefined)}
          onLoaded={(result) => {
            notifySuccess(
              t('calendar.loaded', {
                year: String(result.loaded.year),
                holidays: result.loaded.holidays,
                workdays: result.loaded.workdays,
                recomputed: result.loaded.recomputed,
              }),
            );
            setSelected(result.loaded.year);
            setDraft(undefined);
          }}
        />
      )}
    </Space>
  );
}
