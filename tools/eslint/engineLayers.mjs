// The rota engine's folders (scheduler/src/<folder>/) as layers: a folder imports only from
// folders below it in the given order, never from one above it or beside it, so the engine
// has no import cycles between its parts. Type-only imports count too: a type is part of the
// contract between layers. Files directly in scheduler/src (the entry point) are not checked,
// and nothing inside a folder may import them.
import path from 'node:path';

/** The folder under srcDir a path is in, '' for a file directly in srcDir, null when outside. */
function folderOf(file, srcDir) {
  const rel = path.relative(srcDir, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const parts = rel.split(path.sep);
  return parts.length < 2 ? '' : parts[0];
}

export const order = {
  meta: {
    type: 'problem',
    docs: { description: "Keep the rota engine's folders importing downward only, in one declared order." },
    schema: [
      {
        type: 'object',
        properties: {
          srcDir: { type: 'string' },
          // Lowest layer first; a layer is one folder or a list of folders side by side (which may not import each other).
          layers: { type: 'array', items: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] } },
        },
        required: ['layers'],
        additionalProperties: false,
      },
    ],
    messages: {
      upward: 'The engine imports downward only ({{order}}): {{from}}/ may not import {{to}}/ ({{source}}).',
      beside: '{{from}}/ and {{to}}/ sit side by side in the engine\'s layers and do not import each other ({{source}}).',
      entry: 'Inside the engine, import the module itself, not the entry point ({{source}}).',
      unplaced: '{{folder}}/ has no place in the engine\'s layer order; add it to the engine/order rule ({{order}}).',
    },
  },
  create(context) {
    const options = context.options[0];
    const srcDir = path.resolve(context.cwd ?? process.cwd(), options.srcDir ?? 'scheduler/src');
    const file = context.filename ?? context.getFilename();
    const here = folderOf(file, srcDir);
    if (!here) return {};
    const rank = new Map();
    options.layers.forEach((layer, i) => (Array.isArray(layer) ? layer : [layer]).forEach((folder) => rank.set(folder, i)));
    const orderText = options.layers.map((l) => (Array.isArray(l) ? `{${l.join(', ')}}` : l)).join(' → ');

    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const there = folderOf(path.resolve(path.dirname(file), source), srcDir);
      if (there === null || there === here) return;
      if (there === '') {
        context.report({ node, messageId: 'entry', data: { source } });
        return;
      }
      if (!rank.has(there)) {
        context.report({ node, messageId: 'unplaced', data: { folder: there, order: orderText } });
        return;
      }
      if (rank.get(there) > rank.get(here)) context.report({ node, messageId: 'upward', data: { from: here, to: there, source, order: orderText } });
      else if (rank.get(there) === rank.get(here)) context.report({ node, messageId: 'beside', data: { from: here, to: there, source } });
    }

    return {
      Program(node) {
        if (!rank.has(here)) context.report({ node, loc: { line: 1, column: 0 }, messageId: 'unplaced', data: { folder: here, order: orderText } });
      },
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default { meta: { name: 'zhiban-engine' }, rules: { order } };
