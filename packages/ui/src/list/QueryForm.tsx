import { DownOutlined, SearchOutlined, UpOutlined } from '@ant-design/icons';
import { Button, Col, Form, Row, Space } from 'antd';
import type { FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { useCompact } from '../layout/use-compact';

export interface QueryFormProps<T> {
  form: FormInstance<T>;
  /** One Form.Item each; three to a row on wide screens, one on phones. */
  fields: ReactNode[];
  onSearch: (values: T) => void;
  onReset: () => void;
  /** How many fields show before 展开 on a wide screen (the common ones); all of them when absent. On a phone, one. */
  visible?: number;
}

/**
 * The query form on top of a list page, with 查询 and 重置. The common fields show (`visible`; on a phone only the
 * first) and the rest wait behind 展开; the hidden fields stay mounted so their values still count.
 */
export function QueryForm<T extends object>({ form, fields, onSearch, onReset, visible }: QueryFormProps<T>) {
  const { t } = useI18n();
  const compact = useCompact();
  const [expanded, setExpanded] = useState(false);
  const shown = compact ? 1 : (visible ?? fields.length);
  const foldable = fields.length > shown;
  const folded = foldable && !expanded;
  return (
    <Form<T> form={form} layout="vertical" onFinish={onSearch} onReset={onReset} style={{ marginBottom: 8 }}>
      <Row gutter={16} align="bottom">
        {fields.map((field, i) => (
          <Col key={i} xs={24} sm={12} lg={6} style={folded && i >= shown ? { display: 'none' } : undefined}>
            {field}
          </Col>
        ))}
        <Col xs={24} sm={12} lg={6}>
          <Form.Item label={compact ? undefined : ' '} colon={false}>
            <Space wrap>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                {t('common.search')}
              </Button>
              <Button htmlType="reset">{t('common.reset')}</Button>
              {foldable && (
                <Button type="link" onClick={() => setExpanded(!expanded)} icon={expanded ? <UpOutlined /> : <DownOutlined />}>
                  {expanded ? t('common.collapse') : t('common.expand')}
                </Button>
              )}
            </Space>
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
