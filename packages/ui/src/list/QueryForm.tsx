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
}

/**
 * The query form on top of a list page, with 查询 and 重置. On a phone only the first field shows until 展开; the
 * hidden fields stay mounted so their values still count.
 */
export function QueryForm<T extends object>({ form, fields, onSearch, onReset }: QueryFormProps<T>) {
  const { t } = useI18n();
  const compact = useCompact();
  const [expanded, setExpanded] = useState(false);
  const folded = compact && !expanded && fields.length > 1;
  return (
    <Form<T> form={form} layout="vertical" onFinish={onSearch} onReset={onReset} style={{ marginBottom: 8 }}>
      <Row gutter={16} align="bottom">
        {fields.map((field, i) => (
          <Col key={i} xs={24} sm={12} lg={6} style={folded && i > 0 ? { display: 'none' } : undefined}>
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
              {compact && fields.length > 1 && (
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
