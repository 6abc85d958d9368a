// One Jest run for the whole suite, split into projects so that the pure rota-engine
// tests never wait for the test database.
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
];
const common = { transform: { '^.+\\.ts$': swc }, testEnvironment: 'node', testTimeout: 30000 };

/** @type {import('jest').Config} */
module.exports = {
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.cjs'],
  testTimeout: 30000,
  projects: [
    { ...common, displayName: 'scheduler', testMatch: ['<rootDir>/tests/scheduler/**/*.test.ts'] },
    // The project's own lint rules, shown failing on deliberate violations.
    { ...common, displayName: 'lint', testMatch: ['<rootDir>/tests/lint/**/*.test.ts'] },
    {
      ...common,
      displayName: 'api',
      testMatch: ['<rootDir>/tests/api/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      testTimeout: 90000,
      globalSetup: '<rootDir>/tests/support/e2e-global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
    },
    {
      // The client's stores and helpers, tested beside the code in a browser-like DOM.
      displayName: 'client',
      testMatch: ['<rootDir>/client/src/**/*.test.ts'],
      testEnvironment: 'jsdom',
      // Vue, Pinia and vue-i18n publish CommonJS builds under the `node` condition; the
      // `browser` one points at ES modules Jest would have to transform.
      testEnvironmentOptions: { customExportConditions: ['node', 'node-addons'] },
      transform: { '^.+\\.ts$': swc, '^.+\\.vue$': '<rootDir>/tests/support/vue-transform.cjs' },
      moduleFileExtensions: ['ts', 'js', 'cjs', 'mjs', 'json', 'vue'],
      moduleNameMapper: { '^@/(.*)$': '<rootDir>/client/src/$1', '\\.css$': '<rootDir>/tests/support/style-stub.cjs' },
    },
  ],
};
