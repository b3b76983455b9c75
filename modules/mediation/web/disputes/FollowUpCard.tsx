import { Alert, Button, Card, Col, DatePicker, Form, Input, List, Radio, Row, Space, Tag, Typography } from 'antd';
import { FollowUpInput } from '@sifa/mediation/shared';
import type { Dispute } from '@sifa/mediation/shared';
import { useState } from 'react';
import { knownFields, notifySuccess, placeServerErrors, showFieldErrors, zodFieldErrors } from '@sifa/ui';
import { useMediationText } from '../common/messages';
import type { MediationKey } from '../common/messages';
import { useFollowUps, useRecordFollowUp } from './queries';
import type { DateValue } from './ActionFields';

interface FollowUpValues {
  visitedOn?: DateValue | null;
  performed?: 'full' | 'partial' | 'none';
  note?: string;
}

const known = knownFields(['visitedOn', 'performed', 'note']);
const PERFORMED: Record<'full' | 'partial' | 'none', { key: MediationKey; color: string }> = {
  full: { key: 'performed.full', color: 'green' },
  partial: { key: 'performed.partial', color: 'orange' },
  none: { key: 'performed.none', color: 'red' },
};

/**
 * 履行回访: after an agreement, visits recording whether it was performed (人民调解法 第三十一条) — the visits so
 * far, newest first, and (for those who handle the dispute) the form for the next one.
 */
export function FollowUpCard({ dispute, canAct }: { dispute: Dispute; canAct: boolean }) {
  const { t, mt } = useMediationText();
  const [form] = Form.useForm<FollowUpValues>();
  const visits = useFollowUps(dispute.matter.id);
  const save = useRecordFollowUp(dispute.matter.id);
  const [problem, setProblem] = useState<string | undefined>(undefined);

  const submit = (v: FollowUpValues) => {
    setProblem(undefined);
    const parsed = FollowUpInput.safeParse({
      visitedOn: v.visitedOn?.format('YYYY-MM-DD'),
      performed: v.performed,
      ...(v.note?.trim() ? { note: v.note.trim() } : {}),
    });
    if (!parsed.success) {
      showFieldErrors(form, zodFieldErrors(parsed.error, 'performed'), known);
      return;
    }
    save.mutate(parsed.data, {
      onSuccess: () => {
        notifySuccess(mt('follow.saved'));
        form.resetFields();
      },
      onError: (error) => setProblem(placeServerErrors(form, error, known, t('common.loadFailed'))),
    });
  };

  return (
    <Card size="small" title={mt('follow.title')} data-testid="follow-up-card">
      <Typography.Paragraph type="secondary">{mt('follow.hint')}</Typography.Paragraph>
      <List
        size="small"
        loading={visits.isLoading}
        dataSource={visits.data ?? []}
        locale={{ emptyText: mt('follow.none') }}
        renderItem={(f) => (
          <List.Item>
            <Space wrap>
              <Typography.Text>{f.visitedOn}</Typography.Text>
              <Tag color={PERFORMED[f.performed].color}>{mt(PERFORMED[f.performed].key)}</Tag>
              {f.note && <Typography.Text>{f.note}</Typography.Text>}
              {f.createdByName && <Typography.Text type="secondary">{`${mt('follow.by')}：${f.createdByName}`}</Typography.Text>}
            </Space>
          </List.Item>
        )}
      />
      {canAct && (
        <>
          {problem && <Alert type="error" showIcon title={problem} style={{ margin: '12px 0' }} />}
          <Form<FollowUpValues> form={form} layout="vertical" onFinish={submit} style={{ marginTop: 12 }}>
            <Row gutter={16} align="bottom">
              <Col xs={24} md={5}>
                <Form.Item
                  name="visitedOn"
                  label={mt('follow.visitedOn')}
                  rules={[{ required: true, message: t('common.requiredSelect', { field: mt('follow.visitedOn') }) }]}
                >
                  <DatePicker style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item
                  name="performed"
                  label={mt('follow.performed')}
                  rules={[{ required: true, message: t('common.requiredSelect', { field: mt('follow.performed') }) }]}
                >
                  <Radio.Group options={(['full', 'partial', 'none'] as const).map((p) => ({ value: p, label: mt(PERFORMED[p].key) }))} />
                </Form.Item>
              </Col>
              <Col xs={24} md={7}>
                <Form.Item name="note" label={mt('follow.note')} rules={[{ max: 2000 }]}>
                  <Input maxLength={2000} />
                </Form.Item>
              </Col>
              <Col xs={24} md={4}>
                <Form.Item>
                  <Button type="primary" htmlType="submit" loading={save.isPending} block data-testid="follow-up-save">
                    {mt('follow.save')}
                  </Button>
                </Form.Item>
              </Col>
            </Row>
          </Form>
        </>
      )}
    </Card>
  );
}
