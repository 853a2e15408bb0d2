// ESLint rule: a feature folder of the API imports another feature only through its public
// surface — its `*.module`, `*.service`, `*.repository`, `*.entity` and `*.types` files. Shared
// infrastructure folders may be imported from anywhere. Files listed in `known` are imports of
// another feature's internals that exist today and are still allowed; move them to the public
// surface (or out of the feature) and take them off the list.
import path from 'node:path';

const PUBLIC = /\.(module|service|repository|entity|types)$/;

/** @type {import('eslint').Rule.RuleModule} */
export const featurePublicSurface = {
  meta: {
    type: 'problem',
    docs: { description: 'Import another feature only through its public surface' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          infrastructure: { type: 'array', items: { type: 'string' } },
          known: { type: 'array', items: { type: 'string' } },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      internal:
        "'{{target}}' is internal to the {{feature}} feature: import its module, service, repository, entity or types instead, or move what you need there.",
    },
  },
  create(context) {
    const { root, infrastructure = [], known = [] } = context.options[0] ?? {};
    const sourceRoot = path.resolve(context.cwd, root);
    const featureOf = (file) => {
      const relative = path.relative(sourceRoot, file);
      if (relative.startsWith('..') || !relative.includes(path.sep)) return undefined;
      return relative.split(path.sep)[0];
    };
    const from = featureOf(context.filename);
    if (from === undefined) return {};
    const check = (node) => {
      const specifier = node.source?.value;
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const target = path.resolve(path.dirname(context.filename), specifier).replace(/\.js$/, '');
      const feature = featureOf(target);
      if (feature === undefined || feature === from || infrastructure.includes(feature)) return;
      if (PUBLIC.test(path.basename(target))) return;
      const relative = path.relative(sourceRoot, target).split(path.sep).join('/');
      if (known.includes(`${relative}.ts`)) return;
      context.report({
        node: node.source,
        messageId: 'internal',
        data: { target: `${relative}.ts`, feature },
      });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};
