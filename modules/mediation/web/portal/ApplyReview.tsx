import { Descriptions } from 'antd';
import { ID_TYPE_NAMES } from '@sifa/kernel/shared';
import { pick } from '@sifa/ui';
import { trimmed } from './apply-form';
import type { ApplyForm } from './apply-form';
import { usePortalText } from './portal-messages';
import { categoryName, usePortalCategories } from './portal-queries';

/** Step 4, 确认提交: everything that will be sent, in the words of the form, to check before submitting. */
export function ApplyReview({ values, phoneMasked }: { values: ApplyForm; phoneMasked: string }) {
  const { pt, lang } = usePortalText();
  const categories = usePortalCategories();
  const idTypeName = pick(lang, ID_TYPE_NAMES[values.idType].zh, ID_TYPE_NAMES[values.idType].en);
  const kindName = (k: ApplyForm['respondents'][number]['kind']) => pt(k === 'person' ? 'apply.kind.person' : 'apply.kind.organisation');
  return (
    <Descriptions
      column={1}
      size="small"
      layout="vertical"
      colon={false}
      styles={{ label: { color: '#8c8c8c', paddingBottom: 0 }, content: { fontSize: 16 } }}
      data-testid="apply-confirm"
      items={[
        { key: 'office', label: pt('apply.office'), children: values.officeName },
        { key: 'category', label: pt('apply.category'), children: categoryName(categories.data, lang, values.category) },
        { key: 'summary', label: pt('apply.summary'), children: values.summary },
        { key: 'description', label: pt('apply.description'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{values.description}</span> },
        ...(trimmed(values.address) ? [{ key: 'address', label: pt('apply.address'), children: values.address }] : []),
        {
          key: 'applicant',
          label: pt('apply.applicant'),
          children: `${values.applicantName ?? ''} · ${idTypeName} ${values.idNumber ?? ''} · ${phoneMasked}`,
        },
        ...values.respondents.map((r, i) => ({
          key: `r${String(i)}`,
          label: pt('apply.respondentN', { n: i + 1 }),
          children: [kindName(r.kind), r.name, r.kind === 'person' ? r.idNumber : r.uscc, r.phone].filter((x) => x?.trim()).join(' · '),
        })),
      ]}
    />
  );
}
