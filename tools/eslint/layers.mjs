// The layers inside api/src/modules, as an ESLint rule: routes → service → repository → model,
// and one area reaching another only through what that area offers to the others.
//
// A file's layer is its suffix: <area>.routes.ts, .service.ts, .repository.ts, .model.ts,
// .port.ts (a small interface an area exports to others); any other file of an area is a
// helper of its service. Files directly in api/src/modules (the composition) are not checked.
import path from 'node:path';

const LAYERS = ['routes', 'service', 'repository', 'model', 'port'];
/** What other areas may import from an area. */
const OFFERED = new Set(['service', 'port']);
/** Only these layers may touch the database. */
const PERSISTENCE = new Set(['repository', 'model']);

/** { area, layer } for a file under api/src/modules/<area>/, else null. */
function locate(file, modulesDir) {
  const rel = path.relative(modulesDir, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const parts = rel.split(path.sep);
  if (parts.length < 2) return null;
  const base = path.basename(file).replace(/\.(ts|js|mts|cts)$/, '');
  const layer = LAYERS.find((l) => base.endsWith(`.${l}`)) ?? 'helper';
  return { area: parts[0], layer };
}

const isMongoose = (source) => source === 'mongoose' || source.startsWith('mongoose/');

export const boundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep routes → service → repository → model inside each area, and areas apart.' },
    schema: [
      {
        type: 'object',
        properties: {
          modulesDir: { type: 'string' },
          // Known exceptions, each one file and one import, so nothing else in that file slips through.
          allow: {
            type: 'array',
            items: {
              type: 'object',
              properties: { file: { type: 'string' }, source: { type: 'string' }, reason: { type: 'string' } },
              required: ['file', 'source', 'reason'],
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      mongoose: 'Only *.repository.ts and *.model.ts touch mongoose; a {{layer}} goes through its repository.',
      model: 'Only *.repository.ts and *.model.ts import models; a {{layer}} goes through its repository.',
      routesRepository: 'Routes call their service, never a repository.',
      crossArea: 'Area "{{from}}" reaches "{{to}}" only through {{to}}.service.ts or a *.port.ts (here: {{target}}).',
    },
  },
  create(context) {
    const modulesDir = path.resolve(context.cwd ?? process.cwd(), context.options[0]?.modulesDir ?? 'api/src/modules');
    const file = context.filename ?? context.getFilename();
    const here = locate(file, modulesDir);
    if (!here) return {};
    const rel = path.relative(modulesDir, file).split(path.sep).join('/');
    const allowed = new Set((context.options[0]?.allow ?? []).filter((a) => a.file === rel).map((a) => a.source));

    function check(node, source) {
      if (typeof source !== 'string' || allowed.has(source)) return;
      if (isMongoose(source)) {
        if (!PERSISTENCE.has(here.layer)) context.report({ node, messageId: 'mongoose', data: { layer: here.layer } });
        return;
      }
      if (!source.startsWith('.')) return;
      const there = locate(path.resolve(path.dirname(file), source), modulesDir);
      if (!there) return;
      if (there.layer === 'model' && !PERSISTENCE.has(here.layer)) {
        context.report({ node, messageId: 'model', data: { layer: here.layer } });
        return;
      }
      if (here.layer === 'routes' && there.layer === 'repository') {
        context.report({ node, messageId: 'routesRepository' });
        return;
      }
      if (there.area !== here.area && !OFFERED.has(there.layer)) {
        context.report({ node, messageId: 'crossArea', data: { from: here.area, to: there.area, target: source } });
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default { meta: { name: 'zhiban-layers' }, rules: { boundaries } };
