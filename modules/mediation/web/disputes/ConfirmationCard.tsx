import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Radio, Row, Typography } from 'antd';
import { ConfirmationInput, RULING_DATE_LABEL } from '@sifa/mediation/shared';
import type { Dispute } from '@sifa/mediation/shared';
import { useState } from 'react';
import { knownFields, notifySuccess, placeServerErrors, showFieldErrors, useEventDateRule, zodFieldErrors } from '@sifa/ui';
import { useMediationText } from '../common/messages';
import { useRecordConfirmation } from './queries';
import type { DateValue } from './ActionFields';

interface ConfirmationValues {
  result?: 'confirmed' | 'dismissed';
  courtName?: string;
  ruledOn?: DateValue | null;
}

const known = knownFields(['result', 'courtName', 'ruledOn']);

/**
 * 司法确认: after an agreement, the court's ruling on the parties' joint application (人民调解法 第三十三条) —
 * recorded once, which closes the 30-day window.
 */
export function ConfirmationCard({ dispute, canAct }: { dispute: Dispute; canAct: boolean }) {
  const { t, mt } = useMediationText();
  const { modal } = App.useApp();
  const [form] = Form.useForm<ConfirmationValues>();
  const save = useRecordConfirmation(dispute.matter.id);
  const inOrder = useEventDateRule(dispute.matter.id, RULING_DATE_LABEL);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const resultText = (r: string | null | undefined) =>
    r === 'confirmed' ? mt('confirmation.confirmed') : r === 'dismissed' ? mt('confirmation.dismissed') : (r ?? '');

  if (dispute.confirmationResult) {
    return (
      <Card size="small" title={mt('field.confirmation')}>
        <Typography.Text strong>{mt('confirm.recorded', { result: resultText(dispute.confirmationResult) })}</Typography.Text>
      </Card>
    );
  }
  if (!canAct) {
    return (
      <Card size="small" title={mt('field.confirmation')}>
        <Typography.Text type="secondary">{mt('confirm.none')}</Typography.Text>
      </Card>
    );
  }

  const submit = (v: ConfirmationValues) => {
    setProblem(undefined);
    const parsed = ConfirmationInput.safeParse({ result: v.result, courtName: v.courtName?.trim() ?? '', ruledOn: v.ruledOn?.format('YYYY-MM-DD') });
    if (!parsed.success) {
      showFieldErrors(form, zodFieldErrors(parsed.error, 'result'), known);
      return;
    }
    modal.confirm({
      title: mt('confirm.title'),
      content: mt('confirm.ask', { result: resultText(parsed.data.result) }),
      okText: mt('confirm.save'),
      cancelText: t('common.cancel'),
      onOk: () =>
        save.mutateAsync(parsed.data).then(
          () => notifySuccess(mt('confirm.saved')),
          (error: unknown) => setProblem(placeServerErrors(form, error, known, t('common.loadFailed'))),
        ),
    });
  };

  return (
    <Card size="small" title={mt('confirm.title')} data-testid="confirmation-card">
      <Typography.Paragraph type="secondary">{mt('confirm.hint')}</Typography.Paragraph>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form<ConfirmationValues> form={form} layout="vertical" onFinish={submit}>
        <Row gutter={16} align="bottom">
          <Col xs={24} md={8}>
            <Form.Item
              name="result"
              label={mt('confirm.result')}
              rules={[{ required: true, message: t('common.requiredSelect', { field: mt('confirm.result') }) }]}
            >
              <Radio.Group
                options={[
                  { value: 'confirmed', label: mt('confirmation.confirmed') },
                  { value: 'dismissed', label: mt('confirmation.dismissed') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={7}>
            <Form.Item
              name="courtName"
              label={mt('confirm.court')}
              rules={[
                { required: true, whitespace: true, message: t('common.required', { field: mt('confirm.court') }) },
                { min: 2, max: 60 },
              ]}
            >
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={24} md={5}>
            <Form.Item
              name="ruledOn"
              label={mt('confirm.ruledOn')}
              rules={[{ required: true, message: t('common.requiredSelect', { field: mt('confirm.ruledOn') }) }, inOrder]}
            >
              <DatePicker style={{ width: '100%' }} data-testid="ruled-on" />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={save.isPending} block>
                {mt('confirm.save')}
              </Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
