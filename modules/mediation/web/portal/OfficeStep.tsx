import { SearchOutlined } from '@ant-design/icons';
import { Empty, Form, Input, Radio, Space, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { PageLoading } from '@sifa/ui';
import type { ApplyForm } from './apply-form';
import { usePortalText } from './portal-messages';
import { usePortalOffices } from './portal-queries';

/**
 * Step 1, 选择司法所: search by name and pick one office. The search text lives in the page, so going back to this
 * step shows the same list with the chosen office in it.
 */
export function OfficeStep({ form, q, onSearch }: { form: FormInstance<ApplyForm>; q: string; onSearch: (q: string) => void }) {
  const { pt } = usePortalText();
  const offices = usePortalOffices(q);
  return (
    <>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={pt('apply.officeSearch')}
        aria-label={pt('apply.officeSearch')}
        value={q}
        onChange={(e) => onSearch(e.target.value.trim())}
        style={{ marginBottom: 12 }}
      />
      {offices.isPending && <PageLoading />}
      {offices.data?.length === 0 && <Empty description={pt('apply.officeNone')} />}
      <Form.Item name="officeName" hidden>
        <Input />
      </Form.Item>
      <Form.Item name="officeId" label={pt('apply.office')} extra={pt('apply.officeHint')} rules={[{ required: true, message: pt('apply.officeRequired') }]}>
        <Radio.Group
          style={{ width: '100%' }}
          onChange={(e) => {
            const chosen = offices.data?.find((o) => o.id === e.target.value);
            form.setFieldValue('officeName', chosen?.name);
          }}
        >
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            {(offices.data ?? []).map((o) => (
              <Radio key={o.id} value={o.id} style={{ width: '100%', padding: '10px 12px', border: '1px solid #e5e7eb', borderRadius: 8 }}>
                <span style={{ fontSize: 16 }}>{o.name}</span>
                {o.countyName && (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                    {o.countyName}
                  </Typography.Text>
                )}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      </Form.Item>
    </>
  );
}
