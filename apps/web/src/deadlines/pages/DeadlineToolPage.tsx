import { CalculatorOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Form, Row, Select, Space, Typography } from 'antd';
import type { DeadlineRule } from '@sifa/kernel/shared';
import { citationText } from '@sifa/ui';
import { useMemo, useState } from 'react';
import { pick, useI18n } from '../../i18n';
import { DeadlineResult } from '../components/DeadlineResult';
import { useDeadlinePreview, useDeadlineRules } from '../queries';
import type { PreviewParams } from '../queries';
import { lengthText, moduleText } from '../rule-text';

/** What antd's date pickers hand back (a Dayjs); only its formatting is needed here. */
interface DateValue {
  format: (template: string) => string;
}

interface ToolForm {
  rule?: string;
  start?: DateValue | null;
  pauses?: ({ range?: [DateValue | null, DateValue | null] | null } | undefined)[];
}

const ISO = 'YYYY-MM-DD';

function toParams(v: ToolForm, pausable: boolean): PreviewParams | undefined {
  const start = v.start?.format(ISO);
  if (!v.rule || !start) return undefined;
  const pauses = (pausable ? (v.pauses ?? []) : [])
    .map((p) => {
      const from = p?.range?.[0]?.format(ISO);
      const to = p?.range?.[1]?.format(ISO);
      return from && to ? `${from}..${to}` : undefined;
    })
    .filter((p): p is string => p !== undefined);
  return { rule: v.rule, start, ...(pauses.length ? { pauses: pauses.join(',') } : {}) };
}

function RuleSummary({ rule }: { rule: DeadlineRule }) {
  const { t } = useI18n();
  return (
    <Typography.Paragraph type="secondary" style={{ marginTop: -8 }} data-testid="rule-summary">
      {t('deadline.ruleSummary', {
        event: rule.startsOnZh,
        length: lengthText(rule, t),
        cite: citationText(rule.cite),
      })}
      {rule.pausable ? '' : ` ${t('deadline.notPausable')}`}
    </Typography.Paragraph>
  );
}

/** 期限试算: pick a statutory rule, a start date and optional suspensions; see the due date and why. */
export function DeadlineToolPage() {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<ToolForm>();
  const rules = useDeadlineRules();
  const [params, setParams] = useState<PreviewParams | undefined>(undefined);
  const preview = useDeadlinePreview(params);
  const ruleId = Form.useWatch('rule', form);
  const rule = rules.data?.find((r) => r.id === ruleId);

  const options = useMemo(() => {
    const groups = new Map<string, DeadlineRule[]>();
    for (const r of rules.data ?? []) groups.set(r.module, [...(groups.get(r.module) ?? []), r]);
    return [...groups].map(([module, list]) => ({
      label: moduleText(module, t),
      title: module,
      options: list.map((r) => ({ value: r.id, label: pick(lang, r.nameZh, r.nameEn) })),
    }));
  }, [rules.data, lang, t]);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('deadline.tool.title')}>
        <Typography.Paragraph type="secondary">{t('deadline.tool.intro')}</Typography.Paragraph>
        <Form<ToolForm> form={form} layout="vertical" onFinish={(v) => setParams(toParams(v, rule?.pausable ?? false))} requiredMark={false}>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Form.Item
                name="rule"
                label={t('deadline.rule')}
                rules={[{ required: true, message: t('common.requiredSelect', { field: t('deadline.rule') }) }]}
              >
                <Select
                  options={options}
                  loading={rules.isPending}
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('deadline.rulePlaceholder')}
                  data-testid="rule-select"
                />
              </Form.Item>
              {rule && <RuleSummary rule={rule} />}
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item
                name="start"
                label={t('deadline.startDate')}
                extra={t('deadline.startHint')}
                rules={[{ required: true, message: t('common.requiredSelect', { field: t('deadline.startDate') }) }]}
              >
                <DatePicker style={{ width: '100%' }} placeholder={ISO} data-testid="start-date" />
              </Form.Item>
            </Col>
          </Row>
          {rule?.pausable && (
            <Form.List name="pauses">
              {(fields, { add, remove }) => (
                <Form.Item label={t('deadline.pauses')} extra={t('deadline.pausesHint')}>
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    {fields.map((field) => (
                      <Space key={field.key} align="baseline" wrap>
                        <Form.Item name={[field.name, 'range']} noStyle>
                          <DatePicker.RangePicker placeholder={[t('deadline.pauseFrom'), t('deadline.pauseTo')]} />
                        </Form.Item>
                        <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(field.name)} aria-label={t('deadline.removePause')} />
                      </Space>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                      {t('deadline.addPause')}
                    </Button>
                  </Space>
                </Form.Item>
              )}
            </Form.List>
          )}
          <Button type="primary" htmlType="submit" icon={<CalculatorOutlined />} loading={preview.isFetching}>
            {t('deadline.compute')}
          </Button>
        </Form>
      </Card>
      {preview.isError && <Alert type="error" showIcon title={preview.error.message} data-testid="preview-error" />}
      {preview.data && !preview.isError && <DeadlineResult result={preview.data} />}
    </Space>
  );
}
