import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../i18n';
import { AuditVerifyResult } from '../queries';
import { apiGet } from '@sifa/ui';

/**
 * 校验哈希链: asks the server to seal what is pending and recompute the chain; shows OK or the first broken entry.
 * The list is read again, so entries shown as 待封存 get their numbers.
 */
export function useAuditVerify() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiGet('/api/audit/verify', AuditVerifyResult),
    onSuccess: () => client.invalidateQueries({ queryKey: ['audit'] }),
  });
}

export function AuditVerifyButton({ verify }: { verify: ReturnType<typeof useAuditVerify> }) {
  const { t } = useI18n();
  return (
    <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
      {t('audit.verify')}
    </Button>
  );
}

export function AuditVerifyAlert({ verify }: { verify: ReturnType<typeof useAuditVerify> }) {
  const { t } = useI18n();
  const result = verify.data;
  if (!result) return null;
  const broken = !result.ok;
  return (
    <Alert
      data-testid="audit-verify"
      style={{ marginBottom: 16 }}
      showIcon
      closable={{ onClose: () => verify.reset() }}
      type={broken ? 'error' : 'success'}
      title={broken ? t('audit.verifyBroken', { seq: result.brokenAt ?? '?', reason: result.reason ?? '' }) : t('audit.verifyOk', { n: result.checked })}
      description={broken ? t('audit.verifyChecked', { n: result.checked }) : undefined}
    />
  );
}
