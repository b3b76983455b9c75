import { describe, expect, test } from 'vitest';
import type { Org } from '@sifa/kernel/shared';
import { buildOrgTree, filterOrgTree, topLevelIds } from './org-tree';

const org = (id: string, parentId: string | null, name: string): Org => ({
  id,
  parentId,
  name,
  kind: 'other',
  divisionCode: null,
  divisionName: null,
  depth: 0,
  active: true,
  sort: 0,
});

const units = [
  org('city', null, '赣州市司法局'),
  org('zg', 'city', '章贡区司法局'),
  org('zg-1', 'zg', '解放司法所'),
  org('nd', 'city', '宁都县司法局'),
  org('nd-1', 'nd', '梅江司法所'),
];

describe('org tree', () => {
  test('builds the tree from the flat list in the given order', () => {
    const [root, ...rest] = buildOrgTree(units);
    expect(rest).toHaveLength(0);
    expect(root?.org.name).toBe('赣州市司法局');
    expect(root?.children.map((c) => c.org.name)).toEqual(['章贡区司法局', '宁都县司法局']);
  });

  test('a unit whose parent is outside the scope is a root', () => {
    const roots = buildOrgTree(units.slice(1, 3));
    expect(roots.map((r) => r.org.name)).toEqual(['章贡区司法局']);
  });

  test('filtering keeps the matches and the path to them, and opens that path', () => {
    const { roots, expanded } = filterOrgTree(buildOrgTree(units), '梅江');
    expect(roots[0]?.children.map((c) => c.org.name)).toEqual(['宁都县司法局']);
    expect(roots[0]?.children[0]?.children.map((c) => c.org.name)).toEqual(['梅江司法所']);
    expect(expanded.sort()).toEqual(['city', 'nd']);
  });

  test('a blank keyword keeps every unit; no match keeps none', () => {
    expect(filterOrgTree(buildOrgTree(units), '  ').roots).toHaveLength(1);
    expect(filterOrgTree(buildOrgTree(units), '瑞金').roots).toHaveLength(0);
  });

  test('top levels lists the ids of parents down to the given depth', () => {
    expect(topLevelIds(buildOrgTree(units), 1)).toEqual(['city']);
    expect(topLevelIds(buildOrgTree(units), 2)).toEqual(['city', 'zg', 'nd']);
  });
});
