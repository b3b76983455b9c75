import { CheckCircleFilled, CloseCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import { Button, Card, Descriptions, Skeleton, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { DocumentVerification } from '@sifa/kernel/shared';
import type { ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '@sifa/ui';
import { useI18n } from '../../i18n';
import { publicApi } from '../public-api';

function Verdict({ icon, color, title, text, testId }: { icon: ReactNode; color: string; title: string; text: string; testId: string }) {
  return (
    <div
      data-testid={testId}
      style={{
        textAlign: 'center',
        padding: '20px 12px',
        borderRadius: 12,
        background: `${color}14`,
        border: `2px solid ${color}`,
      }}
    >
      <div style={{ fontSize: 64, color, lineHeight: 1 }}>{icon}</div>
      <Typography.Title level={2} style={{ color, margin: '12px 0 4px' }}>
        {title}
      </Typography.Title>
      <Typography.Text style={{ fontSize: 15 }}>{text}</Typography.Text>
    </div>
  );
}

/**
 * The page the QR code on a printed notice opens: whether the document is genuine and still valid, with its number,
 * issuing unit, date and content digest — and nothing about the people it concerns.
 */
export function VerifyPage() {
  const { t } = useI18n();
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const result = useQuery({
    queryKey: ['portal', 'verify', code],
    queryFn: () => publicApi.get(`/api/public/documents/${encodeURIComponent(code)}`, DocumentVerification),
    retry: false,
    meta: { silent: true },
  });

  let body: ReactNode;
  if (result.isPending) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (result.isError) {
    const missing = result.error instanceof ApiError && result.error.status === 404;
    body = (
      <Verdict
        testId={missing ? 'verify-not-found' : 'verify-error'}
        icon={<QuestionCircleFilled />}
        color={missing ? '#fa8c16' : '#8c8c8c'}
        title={missing ? t('portal.verify.notFound') : t('common.loadFailed')}
        text={result.error.message}
      />
    );
  } else {
    const d = result.data;
    body = (
      <>
        {d.revoked ? (
          <Verdict
            testId="verify-revoked"
            icon={<CloseCircleFilled />}
            color="#cf1322"
            title={t('portal.verify.revoked')}
            text={t('portal.verify.revokedText', { date: d.revokedAt ?? '' })}
          />
        ) : (
          <Verdict testId="verify-ok" icon={<CheckCircleFilled />} color="#389e0d" title={t('portal.verify.ok')} text={t('portal.verify.okText')} />
        )}
        <Descriptions
          column={1}
          bordered
          size="small"
          style={{ marginTop: 16 }}
          styles={{ label: { width: 110 } }}
          items={[
            { key: 'number', label: t('portal.verify.number'), children: d.number },
            { key: 'unit', label: t('portal.verify.unit'), children: d.issuingUnit },
            { key: 'date', label: t('portal.verify.date'), children: d.issuedAt },
            { key: 'title', label: t('portal.verify.title'), children: d.title },
            {
              key: 'hash',
              label: t('portal.verify.hash'),
              children: (
                <Typography.Text
                  copyable
                  style={{
                    wordBreak: 'break-all',
                    fontSize: 13,
                    fontFamily: 'ui-monospace, Menlo, Consolas, monospace',
                  }}
                  data-testid="verify-hash"
                >
                  {d.contentHash}
                </Typography.Text>
              ),
            },
            { key: 'algorithm', label: t('portal.verify.algorithm'), children: d.hashAlgorithm },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 13 }}>
          {t('portal.verify.hashHint')}
        </Typography.Paragraph>
      </>
    );
  }

  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('portal.verify.pageTitle')}
      </Typography.Title>
      {body}
      <Button block style={{ marginTop: 16, height: 48 }} onClick={() => void navigate('/portal')}>
        {t('portal.home')}
      </Button>
    </Card>
  );
}
