import type { KeyResult, Objective } from '@bearing/contracts';
import classes from './objective-card.module.css';
import { ObjectiveCard } from './objective-card';
import type { TreeNode } from './objective-tree';
import type { OkrActions } from './okr-actions';

export interface ObjectiveTreeViewProps {
  workspace: string;
  nodes: readonly TreeNode<Objective>[];
  keyResultsByObjective: ReadonlyMap<string, readonly KeyResult[]>;
  actions?: OkrActions | undefined;
}

/** Objectives as nested lists: each one's aligned objectives indented beneath it. */
export function ObjectiveTreeView({
  workspace,
  nodes,
  keyResultsByObjective,
  actions,
}: ObjectiveTreeViewProps) {
  return (
    <ul className={classes.tree} aria-label="Objectives">
      {nodes.map((node) => (
        <ObjectiveNode
          key={node.item.id}
          workspace={workspace}
          node={node}
          keyResultsByObjective={keyResultsByObjective}
          actions={actions}
        />
      ))}
    </ul>
  );
}

function ObjectiveNode({
  workspace,
  node,
  keyResultsByObjective,
  actions,
}: Omit<ObjectiveTreeViewProps, 'nodes'> & { node: TreeNode<Objective> }) {
  return (
    <li>
      <ObjectiveCard
        workspace={workspace}
        objective={node.item}
        keyResults={keyResultsByObjective.get(node.item.id) ?? []}
        outsideParentId={node.outsideParentId}
        actions={actions}
      />
      {node.children.length > 0 && (
        <ul className={classes.children} aria-label={`Aligned to ${node.item.title}`}>
          {node.children.map((child) => (
            <ObjectiveNode
              key={child.item.id}
              workspace={workspace}
              node={child}
              keyResultsByObjective={keyResultsByObjective}
              actions={actions}
            />
          ))}
        </ul>
      )}
    </li>
  );
}
