import { describe, expect, it } from '@jest/globals';
import { buildObjectiveTree, selfAndDescendantIds, type TreeNode } from './objective-tree';

const item = (id: string, parentId: string | null = null) => ({ id, parentId });

/** How many nodes a forest holds, at every depth. */
function countNodes(nodes: readonly TreeNode<{ id: string; parentId: string | null }>[]): number {
  return nodes.reduce((total, node) => total + 1 + countNodes(node.children), 0);
}

/** The tree as nested ids, for readable expectations. */
function shape(nodes: ReturnType<typeof buildObjectiveTree>): unknown[] {
  return nodes.map((node) =>
    node.children.length === 0 ? node.item.id : { [node.item.id]: shape(node.children) },
  );
}

describe('buildObjectiveTree', () => {
  it('nests objectives under their parents, keeping the order they came in', () => {
    const tree = buildObjectiveTree([
      item('company'),
      item('growth', 'company'),
      item('ads', 'growth'),
      item('quality', 'company'),
      item('other'),
      item('podcasts', 'growth'),
    ]);
    expect(shape(tree)).toEqual([
      { company: [{ growth: ['ads', 'podcasts'] }, 'quality'] },
      'other',
    ]);
    expect(countNodes(tree)).toBe(6);
  });

  it('puts a child before its parent in the list under that parent all the same', () => {
    expect(shape(buildObjectiveTree([item('child', 'parent'), item('parent')]))).toEqual([
      { parent: ['child'] },
    ]);
  });

  it('makes an objective whose parent is not shown a root that remembers its parent', () => {
    const [node] = buildObjectiveTree([item('ads', 'yearly-goal')]);
    expect(node?.item.id).toBe('ads');
    expect(node?.outsideParentId).toBe('yearly-goal');
  });

  it('never loses objectives caught in a cycle', () => {
    const tree = buildObjectiveTree([item('a', 'b'), item('b', 'a'), item('c', 'a')]);
    expect(countNodes(tree)).toBe(3);
    expect(shape(tree)).toEqual([{ a: ['c'] }, 'b']);
    expect(tree.every((node) => node.outsideParentId === null)).toBe(true);
  });

  it('gives an empty forest for no objectives', () => {
    expect(buildObjectiveTree([])).toEqual([]);
  });
});

describe('selfAndDescendantIds', () => {
  it('collects an objective and everything aligned below it, at any depth', () => {
    const items = [
      item('company'),
      item('growth', 'company'),
      item('ads', 'growth'),
      item('quality', 'company'),
      item('other'),
    ];
    expect([...selfAndDescendantIds(items, 'growth')].sort()).toEqual(['ads', 'growth']);
    expect(selfAndDescendantIds(items, 'company').size).toBe(4);
    expect([...selfAndDescendantIds(items, 'other')]).toEqual(['other']);
  });
});
