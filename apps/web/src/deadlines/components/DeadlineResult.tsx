import { Alert, Card, Descriptions, Space, Tag, Typography } from 'antd';
import type { DeadlinePreview } from '@sifa/kernel/shared';
import { citationText, isCalendarWarning, StatusTag, useCompact } from '@sifa/ui';
import { useI18n } from '../../i18n';
import { VERIFICATION, weekdayText } from '../rule-text';

/** Named days grouped by name: “国庆节 10-01、10-02 …”. */
function byName(days: readonly { date: string; name: string }[]): [string, string[]][] {
  const map = new Map<string, string[]>();
  for (const d of days) map.set(d.name, [...(map.get(d.name) ?? []), d.date]);
  return [...map];
}

/** The explainer's answer: the due date first, then why — holidays skipped, roll-over, explanation and citation. */
export function DeadlineResult({ result }: { result: DeadlinePreview }) {
  const { t, lang } = useI18n();
  const compact = useCompact();
  const warnings = result.calendarCovered ? [] : result.explanation.filter(isCalendarWarning);
  const lines = result.explanation.filter((l) => !warnings.includes(l));
  const verification = VERIFICATION[result.rule.verified];
  const holidays = byName(result.skippedHolidays);

  return (
    <Card data-testid="deadline-result">
      {!result.calendarCovered && (
        <Alert
          type="error"
          showIcon
          data-testid="calendar-warning"
          style={{ marginBottom: 16 }}
          title={t('deadline.uncoveredYears', { years: result.uncoveredYears.join(lang === 'en' ? ', ' : '、') })}
          description={warnings.length > 0 ? warnings.join(' ') : undefined}
        />
      )}
      <Typography.Text type="secondary">{t('deadline.dueDate')}</Typography.Text>
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 12, flexWrap: 'wrap' }}>
        <Typography.Title level={2} style={{ margin: 0 }} data-testid="due-date">
          {result.dueAt ?? result.dueDate}
        </Typography.Title>
        <Typography.Text>{weekdayText(result.dueDate, lang)}</Typography.Text>
      </div>
      <Descriptions
        size="small"
        column={compact ? 1 : 3}
        style={{ margin: '12px 0' }}
        items={[
          { key: 'start', label: t('deadline.startDate'), children: result.startDate },
          { key: 'warn', label: t('deadline.warnDate'), children: result.warnDate },
          {
            key: 'verified',
            label: t('deadline.verification'),
            children: <StatusTag tone={verification.tone}>{t(verification.key)}</StatusTag>,
          },
          ...(result.pausedDays > 0
            ? [
                {
                  key: 'paused',
                  label: t('deadline.paused'),
                  children: t('deadline.pausedDays', { days: result.pausedDays }),
                },
              ]
            : []),
          ...(result.rolledOver
            ? [
                {
                  key: 'rolled',
                  label: t('deadline.rolledOver'),
                  children: t('deadline.rolledOverText', {
                    from: result.rolledOver.from,
                    to: result.rolledOver.to,
                    reason: result.rolledOver.reason,
                  }),
                },
              ]
            : []),
          {
            key: 'weekends',
            label: t('deadline.skippedWeekends'),
            children: t('deadline.days', { n: result.skippedWeekends.length }),
          },
        ]}
      />
      <Typography.Text type="secondary">{t('deadline.skippedHolidays')}</Typography.Text>
      <div style={{ margin: '4px 0 12px' }} data-testid="skipped-holidays">
        {holidays.length === 0 ? (
          <Typography.Text>{t('deadline.noHolidays')}</Typography.Text>
        ) : (
          <Space size={[4, 4]} wrap>
            {holidays.map(([name, dates]) => (
              <Tag key={name} color="volcano" title={dates.join('、')}>
                {name} · {t('deadline.days', { n: dates.length })}（{dates[0]}
                {dates.length > 1 ? ` – ${dates[dates.length - 1] ?? ''}` : ''}）
              </Tag>
            ))}
          </Space>
        )}
      </div>
      {result.makeUpWorkdays.length > 0 && (
        <div style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{t('deadline.makeUp')}</Typography.Text>
          <div>
            <Space size={[4, 4]} wrap>
              {result.makeUpWorkdays.map((d) => (
                <Tag key={d.date} color="blue">
                  {d.date} {d.name}
                </Tag>
              ))}
            </Space>
          </div>
        </div>
      )}
      <Typography.Text type="secondary">{t('deadline.explanation')}</Typography.Text>
      <ol style={{ paddingInlineStart: 20, margin: '4px 0 12px' }} data-testid="deadline-explanation">
        {lines.map((line, i) => (
          <li key={i} style={{ marginBottom: 4 }}>
            {line}
          </li>
        ))}
      </ol>
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        {t('deadline.cite')}：<Typography.Text strong>{citationText(result.cite)}</Typography.Text>
      </Typography.Paragraph>
      {result.rule.basis.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('deadline.basis')}：{result.rule.basis.map(citationText).join('；')}
        </Typography.Paragraph>
      )}
      {result.rule.note && <Alert type="info" showIcon title={t('deadline.note')} description={result.rule.note} />}
    </Card>
  );
}
