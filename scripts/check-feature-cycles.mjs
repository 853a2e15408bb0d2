// Fails when the API's feature folders depend on each other in a new cycle.
//
// dependency-cruiser reads every import of apps/api/src (with .dependency-cruiser.cjs) and
// collapses the modules into their feature folder; the strongly connected components of that
// graph are its cycles. The cycles that exist today are listed in feature-cycles.known.json:
// each cycle found must lie within one of them, so a new cycle, or a feature joining a known one,
// fails the check. When a known cycle shrinks or goes, the script says so: update the list.
//
// `node scripts/check-feature-cycles.mjs --graph` prints the feature graph as Mermaid instead
// (the one in docs/architecture.md).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const FEATURE = /^apps\/api\/src\/([^/]+)$/;

const cruised = JSON.parse(
  execFileSync(
    process.execPath,
    [
      'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs',
      'apps/api/src',
      '--config',
      '.dependency-cruiser.cjs',
      '--collapse',
      '^apps/api/src/[^/]+',
      '--output-type',
      'json',
    ],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  ),
);

/** feature → the features it imports from */
const graph = new Map();
for (const module of cruised.modules) {
  const from = FEATURE.exec(module.source)?.[1];
  if (!from) continue;
  const targets = graph.get(from) ?? new Set();
  for (const dependency of module.dependencies) {
    const to = FEATURE.exec(dependency.resolved)?.[1];
    if (to && to !== from) targets.add(to);
  }
  graph.set(from, targets);
}

if (process.argv.includes('--graph')) {
  const lines = ['flowchart LR'];
  for (const [from, targets] of [...graph].sort(([a], [b]) => a.localeCompare(b))) {
    for (const to of [...targets].sort()) lines.push(`  ${from} --> ${to}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  process.exit(0);
}

const known = JSON.parse(
  readFileSync(new URL('./feature-cycles.known.json', import.meta.url), 'utf8'),
).map((cycle) => new Set(cycle));
const cycles = stronglyConnected(graph).filter((component) => component.length > 1);

const unknown = cycles.filter((cycle) => !known.some((set) => cycle.every((f) => set.has(f))));
const shrunk = known.filter(
  (set) => !cycles.some((cycle) => cycle.length === set.size && cycle.every((f) => set.has(f))),
);
for (const cycle of unknown) {
  console.error(`New cycle between feature folders: ${cycle.join(' ⇄ ')}`);
  for (const from of cycle) {
    const inCycle = [...graph.get(from)].filter((to) => cycle.includes(to));
    console.error(`  ${from} → ${inCycle.join(', ')}`);
  }
}
for (const set of shrunk) {
  console.log(
    `A known cycle changed or went (${[...set].join(', ')}): update feature-cycles.known.json.`,
  );
}
if (unknown.length > 0) process.exit(1);
console.log(
  `Feature folders: ${graph.size}, no new cycle (${cycles.length} known, listed in scripts/feature-cycles.known.json).`,
);

/** Tarjan's strongly connected components, each sorted by name. */
function stronglyConnected(edges) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  let next = 0;
  const visit = (node) => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of edges.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node), low.get(target)));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node), index.get(target)));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      components.push(component.sort());
    }
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return components;
}
