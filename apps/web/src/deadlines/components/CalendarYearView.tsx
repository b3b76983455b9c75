import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Empty, Result, Row, Skeleton, Table, Typography } from 'antd';
import type { NamedDate } from '@sifa/kernel/shared';
import { useI18n } from '../../i18n';
import { useCalendarYear } from '../queries';
import { weekdayText } from '../rule-text';
import { formatDateTime } from '@sifa/ui';

function DayTable({ title, days, testId }: { title: string; days: readonly NamedDate[]; testId: string }) {
  const { t, lang } = useI18n();
  return (
    <Table<NamedDate>
      data-testid={testId}
      title={() => <Typography.Text strong>{title}</Typography.Text>}
      rowKey="date"
      size="small"
      dataSource={[...days]}
      pagination={false}
      scroll={{ y: 420 }}
      columns={[
        { title: t('calendar.date'), dataIndex: 'date', width: 120 },
        { title: t('calendar.weekday'), key: 'weekday', width: 90, render: (_v, d) => weekdayText(d.date, lang) },
        { title: t('calendar.name'), dataIndex: 'name' },
      ]}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} /> }}
    />
  );
}

/** One year's official schedule: its source, the days off and the make-up working days. */
export function CalendarYearView({
  year,
  onCorrect,
}: {
  year: number;
  onCorrect: (data: { source: string | null; holidays: NamedDate[]; workdays: NamedDate[] }) => void;
}) {
  const { t } = useI18n();
  const { data, isPending, isError, refetch } = useCalendarYear(year);
  return (
    <Card
      title={t('calendar.yearTitle', { year: String(year) })}
      extra={
        data?.covered && (
          <Button icon={<EditOutlined />} onClick={() => onCorrect(data)}>
            {t('calendar.correct')}
          </Button>
        )
      }
    >
      {isPending ? (
        <Skeleton active />
      ) : isError ? (
        <Result status="error" title={t('common.loadFailed')} extra={<Button onClick={() => void refetch()}>{t('common.retry')}</Button>} />
      ) : !data.covered ? (
        <Result
          status="warning"
          title={t('calendar.notLoaded', { year: String(year) })}
          subTitle={t('calendar.notLoadedHint')}
          data-testid="calendar-not-loaded"
        />
      ) : (
        <>
          <Descriptions
            size="small"
            column={1}
            style={{ marginBottom: 12 }}
            items={[
              { key: 'source', label: t('calendar.source'), children: data.source ?? t('common.none') },
              {
                key: 'loaded',
                label: t('calendar.loadedAt'),
                children: `${formatDateTime(data.loadedAt)}${data.loadedBy ? ` · ${data.loadedBy}` : ''}`,
              },
            ]}
          />
          <Row gutter={[16, 16]}>
            <Col xs={24} xxl={14}>
              <DayTable title={t('calendar.holidays', { n: data.holidays.length })} days={data.holidays} testId="calendar-holidays" />
            </Col>
            <Col xs={24} xxl={10}>
              <DayTable title={t('calendar.workdays', { n: data.workdays.length })} days={data.workdays} testId="calendar-workdays" />
            </Col>
          </Row>
        </>
      )}
    </Card>
  );
}
