// Jest transform for single-file components in the client's unit tests: compiles the SFC with
// the compiler Vue itself ships (@vue/compiler-sfc), then TypeScript/ESM to CommonJS with SWC.
// Styles are left out: unit tests assert behaviour and text, not looks.
const { createHash } = require('node:crypto');
const { parse, compileScript, compileTemplate } = require('@vue/compiler-sfc');
const { transformSync } = require('@swc/core');
const createCacheKey = require('@jest/create-cache-key-function').default;

function toCommonJs(code, filename) {
  return transformSync(code, {
    filename: `${filename}.ts`,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  }).code;
}

module.exports = {
  getCacheKey: createCacheKey([__filename, require.resolve('@vue/compiler-sfc/package.json')]),
  process(src, filename) {
    const { descriptor, errors } = parse(src, { filename });
    if (errors.length) throw errors[0];
    const id = createHash('sha256').update(filename).digest('hex').slice(0, 8);
    const scoped = descriptor.styles.some((s) => s.scoped);
    if (descriptor.scriptSetup) {
      const script = compileScript(descriptor, { id, inlineTemplate: true, templateOptions: { scoped, id: `data-v-${id}` } });
      return { code: toCommonJs(script.content, filename) };
    }
    const script = descriptor.script ? compileScript(descriptor, { id, genDefaultAs: '_sfc_main' }).content : 'const _sfc_main = {};';
    const template = descriptor.template
      ? compileTemplate({ source: descriptor.template.content, filename, id, scoped, compilerOptions: { scopeId: scoped ? `data-v-${id}` : undefined } }).code
      : '';
    const code = `${script}\n${template}\n${template ? '_sfc_main.render = render;\n' : ''}export default _sfc_main;`;
    return { code: toCommonJs(code, filename) };
  },
};
