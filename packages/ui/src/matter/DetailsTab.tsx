import { Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { pick, useI18n } from '../i18n';
import { formatDateTime } from '../format/date';
import { useCompact } from '../layout/use-compact';
import { findWebModule, useWebModules } from './modules';
import { assignmentRoleLabel } from './labels';
import type { MatterLabels } from './labels';
import type { MatterDetail } from './schemas';

/** 详情: the matter's own fields and who handles it. */
export function DetailsTab({ detail, labels }: { detail: MatterDetail; labels: MatterLabels }) {
  const { t, lang } = useI18n();
  const compact = useCompact();
  const { matter, assignments } = detail;
  const module = findWebModule(useWebModules(), matter.module);
  const active = assignments.filter((a) => a.active);
  return (
    <Descriptions
      bordered
      size="small"
      column={compact ? 1 : 2}
      items={[
        { key: 'number', label: t('matter.field.number'), children: matter.number },
        { key: 'title', label: t('matter.field.title'), children: matter.title },
        {
          key: 'module',
          label: t('matter.field.module'),
          children: module ? pick(lang, module.labelZh, module.labelEn) : matter.module,
        },
        { key: 'status', label: t('matter.field.status'), children: labels.status(matter.status) },
        { key: 'org', label: t('matter.field.org'), children: matter.orgName },
        { key: 'opened', label: t('matter.field.opened'), children: formatDateTime(matter.openedAt) },
        {
          key: 'closed',
          label: t('matter.field.closed'),
          children: matter.closedAt ? formatDateTime(matter.closedAt) : t('matter.field.notClosed'),
        },
        { key: 'outcome', label: t('matter.field.outcome'), children: matter.outcome ?? t('common.none') },
        {
          key: 'assignments',
          label: t('matter.field.assignments'),
          span: compact ? 1 : 2,
          children:
            active.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('matter.noAssignments')} style={{ margin: 0 }} />
            ) : (
              <Space orientation="vertical" size={4}>
                {active.map((a, i) => (
                  <span key={i}>
                    <Tag>{assignmentRoleLabel(a.role, t)}</Tag>
                    <Typography.Text>{[a.userName, a.orgName].filter(Boolean).join(' · ')}</Typography.Text>
                  </span>
                ))}
              </Space>
            ),
        },
      ]}
    />
  );
}
