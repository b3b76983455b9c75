import { Alert, App, Button, Form, Input, InputNumber, Modal, Segmented, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useI18n } from '../../i18n';
import { parseScheduleJson, rowProblems, scheduleFromRows } from '../calendar-rows';
import type { CalendarRow } from '../calendar-rows';
import { useLoadCalendar } from '../queries';
import type { CalendarLoadResult } from '../queries';
import { CalendarEditor } from './CalendarEditor';
import { ApiError } from '@sifa/ui';

export interface CalendarLoadModalProps {
  initialYear: number;
  initialSource?: string;
  initialRows: CalendarRow[];
  /** Years already loaded: loading one of them again replaces it, after a confirmation. */
  loadedYears: ReadonlySet<number>;
  onClose: () => void;
  onLoaded: (result: CalendarLoadResult) => void;
}

const JSON_EXAMPLE = `{
  "holidays": [
    { "date": "2027-01-01", "name": "元旦" },
    { "date": "2027-10-01", "name": "国庆节" }
  ],
  "workdays": [
    { "date": "2027-09-26", "name": "国庆节" }
  ]
}`;

/**
 * 载入节假日安排: year, source (the State Council notice), and the dates — typed in the table or pasted as JSON, which
 * fills the table for review. Problems are listed before anything is sent; the server's refusal shows as it words it.
 */
export function CalendarLoadModal(props: CalendarLoadModalProps) {
  const { initialYear, initialSource, initialRows, loadedYears, onClose, onLoaded } = props;
  const { t } = useI18n();
  const { modal } = App.useApp();
  const load = useLoadCalendar();
  const [year, setYear] = useState<number | null>(initialYear);
  const [source, setSource] = useState(initialSource ?? '');
  const [rows, setRows] = useState<CalendarRow[]>(initialRows);
  const [mode, setMode] = useState<'table' | 'json'>('table');
  const [json, setJson] = useState('');
  const [jsonProblems, setJsonProblems] = useState<string[]>([]);
  const [checked, setChecked] = useState(false);

  const problems = useMemo(() => {
    const list = year ? rowProblems(rows, year, t) : [{ message: t('calendar.problem.noYear') }];
    const trimmed = source.trim();
    if (trimmed.length < 2 || trimmed.length > 200) list.unshift({ message: t('calendar.problem.source') });
    return list;
  }, [rows, year, source, t]);
  const invalid = useMemo(() => new Set(checked ? problems.flatMap((p) => (p.key ? [p.key] : [])) : []), [problems, checked]);

  const applyJson = () => {
    const parsed = parseScheduleJson(json, t);
    if (!parsed.ok) {
      setJsonProblems(parsed.problems);
      return;
    }
    setJsonProblems([]);
    setRows(parsed.rows);
    if (parsed.year) setYear(parsed.year);
    if (parsed.source && !source.trim()) setSource(parsed.source);
    setMode('table');
  };

  const send = (y: number) => load.mutate({ year: y, source: source.trim(), ...scheduleFromRows(rows) }, { onSuccess: onLoaded });

  const submit = () => {
    setChecked(true);
    if (problems.length > 0 || !year) return;
    if (!loadedYears.has(year)) {
      send(year);
      return;
    }
    modal.confirm({
      title: t('calendar.replaceTitle', { year: String(year) }),
      content: t('calendar.replaceText', { year: String(year) }),
      okText: t('calendar.replaceOk'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => send(year),
    });
  };

  const serverError = load.error instanceof ApiError ? load.error.message : load.error ? t('common.loadFailed') : undefined;

  return (
    <Modal
      open
      width={760}
      title={t('calendar.loadTitle')}
      okText={t('calendar.loadOk')}
      cancelText={t('common.cancel')}
      confirmLoading={load.isPending}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form layout="vertical" requiredMark={false}>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          <Form.Item label={t('calendar.year')} required style={{ flex: 'none' }}>
            <InputNumber min={1990} max={2200} value={year} onChange={setYear} style={{ width: 120 }} aria-label={t('calendar.year')} />
          </Form.Item>
          <Form.Item label={t('calendar.source')} required extra={t('calendar.sourceHint')} style={{ flex: 1, minWidth: 240 }}>
            <Input value={source} onChange={(e) => setSource(e.target.value)} maxLength={200} aria-label={t('calendar.source')} />
          </Form.Item>
        </div>
      </Form>
      {checked && problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('calendar.problems', { n: problems.length })}
          description={<ProblemList items={problems.map((p) => p.message)} />}
          data-testid="calendar-problems"
        />
      )}
      {serverError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={serverError} data-testid="calendar-server-error" />}
      <Segmented
        value={mode}
        onChange={(v) => setMode(v === 'json' ? 'json' : 'table')}
        options={[
          { value: 'table', label: t('calendar.modeTable') },
          { value: 'json', label: t('calendar.modeJson') },
        ]}
        style={{ marginBottom: 12 }}
      />
      {mode === 'table' ? (
        <CalendarEditor rows={rows} onChange={setRows} invalid={invalid} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('calendar.jsonHint')}</Typography.Paragraph>
          <Input.TextArea
            value={json}
            onChange={(e) => setJson(e.target.value)}
            autoSize={{ minRows: 8, maxRows: 16 }}
            placeholder={JSON_EXAMPLE}
            style={{ fontFamily: 'monospace' }}
            aria-label={t('calendar.modeJson')}
          />
          {jsonProblems.length > 0 && (
            <Alert type="error" showIcon style={{ marginTop: 8 }} title={t('calendar.jsonInvalid')} description={<ProblemList items={jsonProblems} />} />
          )}
          <Button style={{ marginTop: 8 }} onClick={applyJson} disabled={!json.trim()}>
            {t('calendar.jsonApply')}
          </Button>
        </>
      )}
    </Modal>
  );
}

function ProblemList({ items }: { items: readonly string[] }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20, maxHeight: 160, overflow: 'auto' }}>
      {items.map((m, i) => (
        <li key={i}>{m}</li>
      ))}
    </ul>
  );
}
