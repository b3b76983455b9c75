import { PhoneOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Form, Space, Typography } from 'antd';
import { useState } from 'react';
import { useCan } from '../api/session';
import { FormDialog } from '../forms/FormDialog';
import { useI18n } from '../i18n';
import type { UiMessageKey } from '../i18n';
import { useRevealedPhone, useRevealPhone } from './queries';

/** The permission to call the parties of the matters one handles (kernel `CONTACT_PERMISSION`, ADR 0025). */
export const CONTACT_PERMISSION = 'kernel.party.contact';

const REASONS: readonly UiMessageKey[] = ['party.reason.notify', 'party.reason.verify', 'party.reason.serve', 'party.reason.followUp'];

/** 139 0000 1234: a mobile number read out in the groups people dial it in. */
const grouped = (phone: string) => (/^1\d{10}$/.test(phone) ? `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}` : phone);

/**
 * A party's phone on a matter: masked, with 查看 for a handler (a reason chosen or typed, audited by the server); once
 * revealed in this sign-in, a `tel:` link that dials it from a phone or a softphone.
 */
export function PartyPhone({ matterId, partyId, name, masked }: { matterId: string; partyId: string; name: string; masked: string | null }) {
  const { t } = useI18n();
  const canCall = useCan(CONTACT_PERMISSION);
  const revealed = useRevealedPhone(matterId, partyId);
  const reveal = useRevealPhone(matterId);
  const [asking, setAsking] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();

  if (!masked) return <>{t('common.none')}</>;
  if (revealed)
    return (
      <Typography.Link href={`tel:${revealed.phone}`} aria-label={t('party.call', { phone: revealed.phone })} data-testid="party-phone-call">
        <PhoneOutlined /> {grouped(revealed.phone)}
      </Typography.Link>
    );
  return (
    <Space size={4} wrap={false}>
      <span>{masked}</span>
      {canCall && (
        <Button type="link" size="small" data-testid="party-phone-reveal" onClick={() => setAsking(true)}>
          {t('party.reveal')}
        </Button>
      )}
      {asking && (
        <FormDialog
          title={t('party.revealTitle', { name })}
          form={form}
          busy={reveal.isPending}
          problem={reveal.error?.message}
          problemTestId="party-phone-problem"
          width={480}
          okText={t('party.revealOk')}
          onClose={() => {
            reveal.reset();
            setAsking(false);
          }}
        >
          <Typography.Paragraph type="secondary">{t('party.revealNote')}</Typography.Paragraph>
          <Form form={form} layout="vertical" onFinish={(v) => reveal.mutate({ partyId, reason: v.reason.trim() }, { onSuccess: () => setAsking(false) })}>
            <Form.Item
              name="reason"
              label={t('party.revealReason')}
              rules={[{ required: true, whitespace: true, min: 2, message: t('party.revealReasonRequired') }]}
            >
              <AutoComplete
                options={REASONS.map((k) => ({ value: t(k) }))}
                // typed words narrow the common reasons; a reason of one's own closes the list (it would cover the button)
                showSearch={{ filterOption: (input, option) => (option?.value ?? '').includes(input.trim()) }}
                maxLength={200}
                autoFocus
              />
            </Form.Item>
          </Form>
        </FormDialog>
      )}
    </Space>
  );
}
