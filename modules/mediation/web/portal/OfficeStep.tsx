import { SearchOutlined } from '@ant-design/icons';
import { Empty, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { FormInstance } from 'antd';
import { PageLoading } from '@sifa/ui';
import type { ApplyForm } from './apply-form';
import { usePortalText } from './portal-messages';
import { usePortalOffices } from './portal-queries';

/**
 * Step 1, 选择司法所: county first, then its offices (a city has ~300: one list was 15,000 px and cut at 200, issue #13
 * item 7) — or search by name across all counties. The search text lives in the page, so going back to this step
 * shows the same list with the chosen office in it.
 */
export function OfficeStep({ form, q, onSearch }: { form: FormInstance<ApplyForm>; q: string; onSearch: (q: string) => void }) {
  const { pt } = usePortalText();
  const offices = usePortalOffices(q);
  const [county, setCounty] = useState<string | undefined>(undefined);
  const counties = useMemo(() => [...new Set((offices.data ?? []).map((o) => o.countyName ?? ''))].filter(Boolean), [offices.data]);
  const chosenId = Form.useWatch('officeId', form);
  // a search spans every county; without one, the chosen county's offices (and the one already picked)
  const shown = (offices.data ?? []).filter((o) => q !== '' || (county !== undefined && o.countyName === county) || o.id === chosenId);
  return (
    <>
      {q === '' && (
        <Select
          allowClear
          showSearch
          placeholder={pt('apply.county')}
          aria-label={pt('apply.county')}
          data-testid="apply-county"
          value={county}
          onChange={setCounty}
          options={counties.map((c) => ({ value: c, label: c }))}
          style={{ width: '100%', marginBottom: 12 }}
          size="large"
        />
      )}
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
      {q === '' && county === undefined && !chosenId && (offices.data?.length ?? 0) > 0 && (
        <Typography.Paragraph type="secondary">{pt('apply.countyFirst')}</Typography.Paragraph>
      )}
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
            {shown.map((o) => (
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
