import { Form, Input, Select } from 'antd';
import { usePortalText } from './portal-messages';
import { categoryName, usePortalCategories } from './portal-queries';

/** Step 2, 纠纷情况: the category, a short title, what happened and what is asked, and where. */
export function DisputeStep() {
  const { pt, lang } = usePortalText();
  const categories = usePortalCategories();
  return (
    <>
      <Form.Item name="category" label={pt('apply.category')} rules={[{ required: true, message: pt('apply.categoryRequired') }]}>
        <Select
          placeholder={pt('apply.categoryRequired')}
          loading={categories.isPending}
          options={(categories.data ?? []).map((c) => ({ value: c.code, label: categoryName(categories.data, lang, c.code) }))}
        />
      </Form.Item>
      <Form.Item
        name="summary"
        label={pt('apply.summary')}
        rules={[{ required: true, whitespace: true, min: 2, max: 60, message: pt('apply.summaryRequired') }]}
      >
        <Input maxLength={60} placeholder={pt('apply.summaryPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="description"
        label={pt('apply.description')}
        rules={[{ required: true, whitespace: true, min: 5, message: pt('apply.descriptionRequired') }]}
      >
        <Input.TextArea rows={5} maxLength={5000} showCount placeholder={pt('apply.descriptionPlaceholder')} />
      </Form.Item>
      <Form.Item name="address" label={pt('apply.address')}>
        <Input maxLength={200} />
      </Form.Item>
    </>
  );
}
