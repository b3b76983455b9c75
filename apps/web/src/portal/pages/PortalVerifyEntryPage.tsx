import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../i18n';

/** The verification code from what a person typed: the code itself, or the address printed under the QR code. */
export function verifyCodeFrom(input: string): string {
  const text = input.trim();
  const inUrl = /\/verify\/([^/?#\s]+)/.exec(text)?.[1];
  return (inUrl ?? text).replace(/[\s-]/g, '').toUpperCase();
}

/** 验证文书真伪 without a camera: type the code (or paste the address) printed under the QR code. */
export function PortalVerifyEntryPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('portal.verify')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('portal.verify.intro')}</Typography.Paragraph>
      <Form<{ code: string }> layout="vertical" requiredMark={false} onFinish={(v) => void navigate(`/verify/${encodeURIComponent(verifyCodeFrom(v.code))}`)}>
        <Form.Item
          name="code"
          label={t('portal.verify.code')}
          rules={[
            { required: true, whitespace: true, message: t('portal.verify.codeRequired') },
            {
              validator: (_r, value: string | undefined) =>
                !value || /^[A-Z2-7]{26}$/.test(verifyCodeFrom(value)) ? Promise.resolve() : Promise.reject(new Error(t('portal.verify.codeInvalid'))),
            },
          ]}
        >
          <Input autoCapitalize="characters" autoComplete="off" placeholder={t('portal.verify.codePlaceholder')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block icon={<SafetyCertificateOutlined />} style={{ height: 48 }}>
          {t('portal.verify.submit')}
        </Button>
      </Form>
    </Card>
  );
}
