import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Input, Select, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useI18n } from '../../i18n';
import { isIsoDate, newRowKey } from '../calendar-rows';
import type { CalendarRow, DayKind } from '../calendar-rows';
import { weekdayText } from '../rule-text';

export interface CalendarEditorProps {
  rows: readonly CalendarRow[];
  onChange: (rows: CalendarRow[]) => void;
  /** Keys of rows with a problem: their inputs show red. */
  invalid: ReadonlySet<string>;
}

/** The table editor of a year's schedule: one row per date with its name and kind (放假 / 调休上班). */
export function CalendarEditor({ rows, onChange, invalid }: CalendarEditorProps) {
  const { t, lang } = useI18n();
  const update = (key: string, patch: Partial<CalendarRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const remove = (key: string) => onChange(rows.filter((r) => r.key !== key));
  const add = () => {
    const last = rows[rows.length - 1];
    onChange([...rows, { key: newRowKey(), date: '', name: last?.name ?? '', kind: 'holiday' }]);
  };

  const columns: TableColumnsType<CalendarRow> = [
    {
      title: t('calendar.date'),
      dataIndex: 'date',
      width: 150,
      render: (_v, r) => (
        <Input
          value={r.date}
          placeholder="YYYY-MM-DD"
          maxLength={10}
          status={invalid.has(r.key) ? 'error' : undefined}
          onChange={(e) => update(r.key, { date: e.target.value })}
          aria-label={t('calendar.date')}
        />
      ),
    },
    {
      title: t('calendar.weekday'),
      key: 'weekday',
      width: 90,
      render: (_v, r) => (isIsoDate(r.date.trim()) ? weekdayText(r.date.trim(), lang) : ''),
    },
    {
      title: t('calendar.name'),
      dataIndex: 'name',
      render: (_v, r) => (
        <Input
          value={r.name}
          maxLength={20}
          placeholder={t('calendar.namePlaceholder')}
          status={invalid.has(r.key) && !r.name.trim() ? 'error' : undefined}
          onChange={(e) => update(r.key, { name: e.target.value })}
          aria-label={t('calendar.name')}
        />
      ),
    },
    {
      title: t('calendar.kind'),
      dataIndex: 'kind',
      width: 130,
      render: (_v, r) => (
        <Select<DayKind>
          value={r.kind}
          style={{ width: '100%' }}
          onChange={(kind) => update(r.key, { kind })}
          options={[
            { value: 'holiday', label: t('calendar.holiday') },
            { value: 'workday', label: t('calendar.workday') },
          ]}
          aria-label={t('calendar.kind')}
        />
      ),
    },
    {
      key: 'remove',
      width: 48,
      render: (_v, r) => <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(r.key)} aria-label={t('calendar.removeRow')} />,
    },
  ];

  return (
    <>
      <Table<CalendarRow>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={[...rows]}
        pagination={false}
        scroll={{ x: 'max-content', y: 360 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('calendar.noRows')} /> }}
      />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', marginTop: 8 }}>
        <Button type="dashed" icon={<PlusOutlined />} onClick={add}>
          {t('calendar.addRow')}
        </Button>
        <Typography.Text type="secondary">
          {t('calendar.rowCount', {
            holidays: rows.filter((r) => r.kind === 'holiday').length,
            workdays: rows.filter((r) => r.kind === 'workday').length,
          })}
        </Typography.Text>
      </div>
    </>
  );
}
