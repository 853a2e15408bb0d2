/** What the tree needs of an objective. */
export interface TreeItem {
  id: string;
  parentId: string | null;
}

export interface TreeNode<Item extends TreeItem> {
  item: Item;
  children: TreeNode<Item>[];
  /**
   * The parent this objective aligns to when it is not among the items shown (another period,
   * or filtered out), so the node sits at the root and says where it belongs; else `null`.
   */
  outsideParentId: string | null;
}

/**
 * The alignment tree of objectives from their `parentId`s, keeping the given order among
 * siblings. An objective whose parent is not in `items` becomes a root. The API refuses cycles;
 * should one arrive anyway, its members become roots rather than vanish.
 */
export function buildObjectiveTree<Item extends TreeItem>(
  items: readonly Item[],
): TreeNode<Item>[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const nodes = new Map<string, TreeNode<Item>>(
    items.map((item) => [item.id, { item, children: [], outsideParentId: null }]),
  );
  const roots: TreeNode<Item>[] = [];
  for (const item of items) {
    const node = nodes.get(item.id);
    if (!node) continue;
    const parent = item.parentId === null ? undefined : nodes.get(item.parentId);
    if (parent && !isInCycle(item, byId)) {
      parent.children.push(node);
    } else {
      node.outsideParentId = parent ? null : item.parentId;
      roots.push(node);
    }
  }
  return roots;
}

function isInCycle<Item extends TreeItem>(start: Item, byId: Map<string, Item>): boolean {
  const seen = new Set<string>([start.id]);
  let current = start.parentId === null ? undefined : byId.get(start.parentId);
  while (current) {
    if (seen.has(current.id)) return current.id === start.id;
    seen.add(current.id);
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return false;
}

/**
 * `id` and every objective below it: the parents an objective may not take (the API refuses
 * them with a 400 at `parentId`; a picker leaves them out).
 */
export function selfAndDescendantIds(items: readonly TreeItem[], id: string): Set<string> {
  const excluded = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const item of items) {
      if (item.parentId !== null && excluded.has(item.parentId) && !excluded.has(item.id)) {
        excluded.add(item.id);
        grew = true;
      }
    }
  }
  return excluded;
}
