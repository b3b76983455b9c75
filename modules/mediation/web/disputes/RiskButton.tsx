import { WarningOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal } from 'antd';
import type { Dispute } from '@sifa/mediation/shared';
import { useState } from 'react';
import { notifySuccess } from '@sifa/ui';
import { useMediationText } from '../common/messages';
import { useMarkRisk } from './queries';

/** 标记风险 / 解除风险: puts the dispute on (or takes it off) the unit's watch list, with the reason. */
export function RiskButton({ dispute }: { dispute: Dispute }) {
  const { t, mt } = useMediationText();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason?: string }>();
  const mark = useMarkRisk(dispute.matter.id);
  const marking = !dispute.atRisk;

  const submit = ({ reason }: { reason?: string }) => {
    const text = reason?.trim();
    mark.mutate(
      { atRisk: marking, ...(text ? { reason: text } : {}) },
      {
        onSuccess: () => {
          notifySuccess(marking ? mt('risk.markedOk') : mt('risk.clearedOk'));
          setOpen(false);
        },
      },
    );
  };

  return (
    <>
      <Button danger={marking} icon={<WarningOutlined />} onClick={() => setOpen(true)} data-testid="risk-toggle">
        {marking ? mt('risk.mark') : mt('risk.clear')}
      </Button>
      <Modal
        open={open}
        title={marking ? mt('risk.markTitle') : mt('risk.clearTitle')}
        okText={marking ? mt('risk.mark') : mt('risk.clear')}
        okButtonProps={{ danger: marking }}
        cancelText={t('common.cancel')}
        confirmLoading={mark.isPending}
        onOk={() => form.submit()}
        onCancel={() => !mark.isPending && setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
          <Form.Item name="reason" label={mt('risk.reason')} rules={marking ? [{ required: true, whitespace: true, message: mt('risk.reasonRequired') }] : []}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={500} showCount placeholder={marking ? mt('risk.reasonHint') : undefined} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
