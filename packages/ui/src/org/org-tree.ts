import type { Org } from '@sifa/kernel/shared';

/** One unit with its sub-units, in the server's tree order. */
export interface OrgNode {
  org: Org;
  children: OrgNode[];
}

/**
 * The forest of a flat unit list. A unit whose parent is not in the list is a root: for a county user that is the
 * county bureau, the top of its scope.
 */
export function buildOrgTree(orgs: readonly Org[]): OrgNode[] {
  const nodes = new Map<string, OrgNode>();
  for (const org of orgs) nodes.set(org.id, { org, children: [] });
  const roots: OrgNode[] = [];
  for (const org of orgs) {
    const node = nodes.get(org.id);
    if (!node) continue;
    const parent = org.parentId ? nodes.get(org.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/**
 * The part of the forest whose names contain `keyword`, with the ancestors that lead to each match; `expanded` lists
 * the ids to open so that every match shows. An empty keyword keeps everything.
 */
export function filterOrgTree(roots: readonly OrgNode[], keyword: string): { roots: OrgNode[]; expanded: string[] } {
  const needle = keyword.trim().toLowerCase();
  if (!needle) return { roots: [...roots], expanded: [] };
  const expanded: string[] = [];
  const visit = (node: OrgNode): OrgNode | undefined => {
    const children = node.children.map(visit).filter((c): c is OrgNode => c !== undefined);
    const matches = node.org.name.toLowerCase().includes(needle);
    if (!matches && children.length === 0) return undefined;
    if (children.length > 0) expanded.push(node.org.id);
    return { org: node.org, children: matches ? node.children : children };
  };
  const kept = roots.map(visit).filter((n): n is OrgNode => n !== undefined);
  return { roots: kept, expanded };
}

/** Ids of the first `levels` levels of the forest, to open a large tree part way. */
export function topLevelIds(roots: readonly OrgNode[], levels: number): string[] {
  const ids: string[] = [];
  const walk = (nodes: readonly OrgNode[], depth: number) => {
    if (depth >= levels) return;
    for (const node of nodes) {
      if (node.children.length === 0) continue;
      ids.push(node.org.id);
      walk(node.children, depth + 1);
    }
  };
  walk(roots, 0);
  return ids;
}
