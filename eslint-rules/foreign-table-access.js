// ESLint rule: outside `*.repository.ts`, an entity class imported from another feature is not
// handed to an EntityManager method (`manager.find(Team, …)`, `manager.save(Sprint, …)`,
// `manager.getRepository(Metric)`, …): that would read or write the other feature's table
// directly. Call that feature's repository or service instead.
import path from 'node:path';

/** EntityManager methods that take an entity class first and touch its table. */
const TABLE_METHODS = new Set([
  'count',
  'countBy',
  'createQueryBuilder',
  'decrement',
  'delete',
  'exists',
  'existsBy',
  'find',
  'findAndCount',
  'findAndCountBy',
  'findBy',
  'findOne',
  'findOneBy',
  'findOneByOrFail',
  'findOneOrFail',
  'getRepository',
  'increment',
  'insert',
  'merge',
  'preload',
  'remove',
  'save',
  'softDelete',
  'update',
  'upsert',
]);

/** @type {import('eslint').Rule.RuleModule} */
export const foreignTableAccess = {
  meta: {
    type: 'problem',
    docs: { description: "Reach another feature's table only through its repository or service" },
    schema: [
      {
        type: 'object',
        properties: { root: { type: 'string' } },
        additionalProperties: false,
      },
    ],
    messages: {
      foreign:
        "'{{entity}}' is the {{feature}} feature's table: call its repository or service instead of EntityManager.{{method}}.",
    },
  },
  create(context) {
    const { root } = context.options[0] ?? {};
    const sourceRoot = path.resolve(context.cwd, root);
    const featureOf = (file) => {
      const relative = path.relative(sourceRoot, file);
      if (relative.startsWith('..') || !relative.includes(path.sep)) return undefined;
      return relative.split(path.sep)[0];
    };
    const from = featureOf(context.filename);
    if (from === undefined || context.filename.endsWith('.repository.ts')) return {};
    /** local name → the feature whose entity it is */
    const foreignEntities = new Map();
    return {
      ImportDeclaration(node) {
        const specifier = node.source.value;
        if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
        const target = path.resolve(path.dirname(context.filename), specifier);
        if (!/\.entity(\.js)?$/.test(target)) return;
        const feature = featureOf(target);
        if (feature === undefined || feature === from) return;
        for (const imported of node.specifiers) {
          foreignEntities.set(imported.local.name, feature);
        }
      },
      CallExpression(node) {
        const { callee } = node;
        if (callee.type !== 'MemberExpression' || callee.property.type !== 'Identifier') return;
        if (!TABLE_METHODS.has(callee.property.name)) return;
        const [first] = node.arguments;
        if (first?.type !== 'Identifier' || !foreignEntities.has(first.name)) return;
        context.report({
          node: first,
          messageId: 'foreign',
          data: {
            entity: first.name,
            feature: foreignEntities.get(first.name),
            method: callee.property.name,
          },
        });
      },
    };
  },
};
