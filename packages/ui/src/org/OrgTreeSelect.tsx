import { TreeSelect } from 'antd';
import type { CSSProperties } from 'react';
import { useMemo } from 'react';
import { buildOrgTree, topLevelIds } from './org-tree';
import type { OrgNode } from './org-tree';
import { useOrgList } from './queries';

interface UnitOption {
  value: string;
  title: string;
  children: UnitOption[];
}

const toOptions = (nodes: readonly OrgNode[]): UnitOption[] => nodes.map((n) => ({ value: n.org.id, title: n.org.name, children: toOptions(n.children) }));

export interface OrgTreeSelectProps {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  size?: 'small' | 'middle' | 'large';
  id?: string;
  'aria-label'?: string;
}

/** A choice of one active unit in the user's scope, searchable by name; works as a Form control. */
export function OrgTreeSelect({ value, onChange, placeholder, allowClear, style, size, id, ...rest }: OrgTreeSelectProps) {
  const { data, isLoading } = useOrgList(false);
  const { options, expanded } = useMemo(() => {
    const roots = buildOrgTree(data ?? []);
    return { options: toOptions(roots), expanded: topLevelIds(roots, 1) };
  }, [data]);
  return (
    <TreeSelect<string>
      id={id}
      aria-label={rest['aria-label']}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v)}
      treeData={options}
      loading={isLoading}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={expanded}
      popupMatchSelectWidth={false}
      size={size}
      style={style}
    />
  );
}
