import { Button, Card, Steps, Typography } from 'antd';
import { pick, usePortal } from '@sifa/ui';
import { useNavigate } from 'react-router-dom';

// The service guide in the statute's terms (行政复议法, ../shared/laws/administrative-reconsideration-law-2023.md). The
// online application (a StepWizard with save and resume) is not built yet (README "Not built yet").
const STEPS = [
  {
    zh: '自知道行政行为之日起六十日内（第二十条），携带身份证件、行政行为的文书和证据，向县（区）或市司法局的行政复议窗口递交申请，也可以邮寄',
    en: 'Within 60 days of learning of the act (Art. 20), apply at the county or city justice bureau in person or by post, with your ID, the decision and evidence',
  },
  {
    zh: '收到申请后五个工作日内审查；材料不全的一次性通知补正，十个工作日内补正（第三十条、第三十一条）',
    en: 'Reviewed within 5 working days; one notice to complete it, 10 working days to do so (Arts. 30–31)',
  },
  {
    zh: '受理后普通程序六十日内、简易程序三十日内作出决定，情况复杂的可延长不超过三十日（第六十二条）',
    en: 'Decided within 60 days (ordinary) or 30 days (simplified), extendable once by up to 30 days (Art. 62)',
  },
  { zh: '凭案号和手机号随时查询办理进度', en: 'Track the case with its number and your phone' },
];

/** 行政复议 on the public portal: the service guide (办事指南), and the way to tracking. */
export function GuidePage() {
  const { lang } = usePortal();
  const navigate = useNavigate();
  return (
    <Card data-testid="reconsideration-guide">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {pick(lang, '行政复议办事指南', 'Reconsideration: service guide')}
      </Typography.Title>
      <Steps orientation="vertical" current={-1} items={STEPS.map((s) => ({ title: pick(lang, s.zh, s.en) }))} />
      <Button type="primary" block style={{ height: 48, marginTop: 16 }} onClick={() => void navigate('/portal/track')}>
        {pick(lang, '查询办理进度', 'Track a case')}
      </Button>
    </Card>
  );
}
