// Lint: TypeScript and Vue rules, plus the dependency directions of the house style.
import js from '@eslint/js';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layers from './tools/eslint/layers.mjs';
import engine from './tools/eslint/engineLayers.mjs';

const serverOnly = ['mongoose', 'mongoose/*', 'express', 'express/*', 'socket.io', 'socket.io/*'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'client/dist/**', 'data/**', '.cache/**', 'coverage/**', 'tools/ferretdb/**', 'tests/lint/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The rota engine is pure: no I/O frameworks, no other layer, no environment.
    files: ['scheduler/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: serverOnly.filter((p) => !p.endsWith('/*')).map((name) => ({ name, message: 'scheduler/ is pure: no server frameworks.' })),
          patterns: [
            { group: ['**/api/**', '**/client/**'], message: 'scheduler/ imports nothing from api/ or client/.' },
            { group: serverOnly.filter((p) => p.endsWith('/*')), message: 'scheduler/ is pure: no server frameworks.' },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'scheduler/ receives configuration as parameters.' },
        { object: 'Math', property: 'random', message: 'scheduler/ takes a seed.' },
        { object: 'Date', property: 'now', message: 'scheduler/ takes `now` as a parameter.' },
      ],
    },
  },
  {
    // The rest of scheduler/ (CLI, benchmarks) may do I/O but never reaches into the server or client.
    files: ['scheduler/**/*.ts'],
    ignores: ['scheduler/src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['mongoose', 'express', 'socket.io'].map((name) => ({ name, message: 'scheduler/ has no server frameworks.' })),
          patterns: [{ group: ['**/api/**', '**/client/**'], message: 'scheduler/ imports nothing from api/ or client/.' }],
        },
      ],
    },
  },
  {
    // api/ reaches the engine only through its one entry point.
    files: ['api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/scheduler/src/*/**', '**/scheduler/src/*', '!**/scheduler/src/index'], message: 'Use scheduler/src/index.ts, the engine\'s one entry point.' },
            { group: ['**/client/**'], message: 'api/ does not import client code.' },
          ],
        },
      ],
    },
  },
  {
    // Inside api/: routes → service → repository → model, and areas reach each other through services and ports.
    files: ['api/src/modules/**/*.ts'],
    plugins: { layers },
    rules: {
      'layers/boundaries': 'error',
    },
  },
  {
    // The client talks to the server through client/src/api only; it may import types, nothing else.
    files: ['client/**/*.ts', 'client/**/*.vue'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: serverOnly.filter((p) => !p.endsWith('/*')).map((name) => ({ name, message: 'client/ imports no server code.' })),
          patterns: [
            { group: ['**/api/src/**', '**/scheduler/**'], allowTypeImports: true, message: 'client/ may only `import type` shared contracts.' },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', 'client/src/**/*.test.ts'],
    languageOptions: { globals: { ...globals.jest } },
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='only'][object.name=/^(it|test|describe)$/]", message: 'No focused tests: .only silences the rest of the suite.' },
        { selector: "CallExpression[callee.name=/^(fit|fdescribe)$/]", message: 'No focused tests.' },
      ],
    },
  },
  {
    // The rota engine's folders import downward only, lowest first (scheduler/README.md, "Layers").
    files: ['scheduler/src/**/*.ts'],
    plugins: { engine },
    rules: {
      'engine/order': [
        'error',
        { layers: ['time', 'model', 'calendar', 'recurrence', 'rules', 'solver', 'validate', 'explain', ['input', 'plan', 'repair']] },
      ],
    },
  },
);
