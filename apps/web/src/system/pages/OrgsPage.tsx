import { Card, Col, Empty, Input, Row, Space, Spin, Tag, Tree } from 'antd';
import type { TreeDataNode } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { Org } from '@sifa/kernel/shared';
import { useI18n } from '../../i18n';
import type { Translate } from '../../i18n';
import { OrgDetail } from '../components/OrgDetail';
import { buildOrgTree, ExportButton, filterOrgTree, topLevelIds, useCompact, useOrgList, useUnitFilter } from '@sifa/ui';
import type { OrgNode } from '@sifa/ui';

function findNode(nodes: readonly OrgNode[], id: string): OrgNode | undefined {
  for (const node of nodes) {
    if (node.org.id === id) return node;
    const inner = findNode(node.children, id);
    if (inner) return inner;
  }
  return undefined;
}

function OrgTitle({ org, t }: { org: Org; t: Translate }) {
  return (
    <span data-org-id={org.id} style={org.active ? undefined : { color: 'rgba(0, 0, 0, 0.35)' }}>
      {org.name}
      {!org.active && (
        <Tag style={{ marginInlineStart: 6 }} variant="filled">
          {t('common.inactive')}
        </Tag>
      )}
    </span>
  );
}

const toTreeData = (nodes: readonly OrgNode[], t: Translate): TreeDataNode[] =>
  nodes.map((n) => ({ key: n.org.id, title: <OrgTitle org={n.org} t={t} />, children: toTreeData(n.children, t) }));

/** 组织机构: the scope's unit tree on the left (searchable, inactive units greyed), the chosen unit on the right. */
export function OrgsPage() {
  const { t } = useI18n();
  const compact = useCompact();
  const { orgId: filterOrgId } = useUnitFilter();
  const { data, isPending } = useOrgList(true);
  const [keyword, setKeyword] = useState('');
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const [expanded, setExpanded] = useState<string[] | undefined>(undefined);

  const orgs = useMemo(() => data ?? [], [data]);
  const byId = useMemo(() => new Map(orgs.map((o) => [o.id, o])), [orgs]);
  // the top-bar unit filter narrows the tree to that unit's subtree
  const roots = useMemo(() => {
    const all = buildOrgTree(orgs);
    const focus = filterOrgId ? findNode(all, filterOrgId) : undefined;
    return focus ? [focus] : all;
  }, [orgs, filterOrgId]);
  const filtered = useMemo(() => filterOrgTree(roots, keyword), [roots, keyword]);
  const treeData = useMemo(() => toTreeData(filtered.roots, t), [filtered, t]);

  useEffect(() => {
    setChosen(undefined);
    setExpanded(undefined);
  }, [filterOrgId]);

  const selectedId = chosen ?? roots[0]?.org.id;
  const selected = selectedId ? byId.get(selectedId) : undefined;
  const expandedKeys = keyword.trim() ? filtered.expanded : (expanded ?? topLevelIds(roots, 1));

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} md={9} lg={8} xl={7}>
        <Card title={t('org.title')} extra={<ExportButton href="/api/orgs/export.xlsx" fileName={t('org.exportName')} />} styles={{ body: { padding: 12 } }}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Input.Search
              allowClear
              placeholder={t('org.search')}
              aria-label={t('org.search')}
              onChange={(e) => setKeyword(e.target.value)}
              onSearch={setKeyword}
            />
            {isPending ? (
              <div style={{ padding: 24, textAlign: 'center' }}>
                <Spin />
              </div>
            ) : treeData.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={keyword.trim() ? t('org.noMatch') : t('org.empty')} />
            ) : (
              <div data-testid="org-tree">
                <Tree
                  blockNode
                  // a province has thousands of units: render only the visible rows
                  height={compact ? 420 : 600}
                  showLine
                  treeData={treeData}
                  selectedKeys={selectedId ? [selectedId] : []}
                  expandedKeys={expandedKeys}
                  onExpand={(keys) => setExpanded(keys.map(String))}
                  onSelect={(keys) => {
                    const [key] = keys;
                    if (key !== undefined) setChosen(String(key));
                  }}
                />
              </div>
            )}
          </Space>
        </Card>
      </Col>
      <Col xs={24} md={15} lg={16} xl={17}>
        {selected ? (
          <OrgDetail
            org={selected}
            parent={selected.parentId ? byId.get(selected.parentId) : undefined}
            onCreated={(id) => {
              // open the parent so the new unit shows, selected
              setExpanded([...new Set([...expandedKeys, selected.id])]);
              setChosen(id);
            }}
          />
        ) : (
          <Card>
            <Empty description={isPending ? t('app.loading') : t('org.selectHint')} />
          </Card>
        )}
      </Col>
    </Row>
  );
}
