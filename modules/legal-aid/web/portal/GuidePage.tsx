import { Button, Card, Steps, Typography } from 'antd';
import { pick, usePortal } from '@sifa/ui';
import { useNavigate } from 'react-router-dom';

// TODO(legal-aid): the line's own service guide — what to bring, where, how long (with the article) — and, where the
// public applies online, a StepWizard page with save and resume (see modules/mediation/web/portal/).
const STEPS = [
  { zh: '携带身份证件和相关材料到司法局或司法所窗口登记', en: 'Register at a justice bureau or office with your ID and papers' },
  { zh: '承办单位审查后决定是否受理，并告知申请人', en: 'The unit reviews the application and tells you whether it is accepted' },
  { zh: '凭案件编号和手机号随时查询办理进度', en: 'Track the case with its number and your phone' },
];

/** 法律援助 on the public portal: the service guide (办事指南), and the way to tracking. */
export function GuidePage() {
  const { lang } = usePortal();
  const navigate = useNavigate();
  return (
    <Card data-testid="legal-aid-guide">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {pick(lang, '法律援助办事指南', 'Legal aid: service guide')}
      </Typography.Title>
      <Steps orientation="vertical" current={-1} items={STEPS.map((s) => ({ title: pick(lang, s.zh, s.en) }))} />
      <Button type="primary" block style={{ height: 48, marginTop: 16 }} onClick={() => void navigate('/portal/track')}>
        {pick(lang, '查询办理进度', 'Track a case')}
      </Button>
    </Card>
  );
}
