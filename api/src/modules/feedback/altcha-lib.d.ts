// altcha-lib publishes its types through package "exports", which this project's
// node-style module resolution does not read; these point at the same declarations.
declare module 'altcha-lib' {
  export * from 'altcha-lib/dist/esm/v2/index';
}
declare module 'altcha-lib/algorithms/sha' {
  export * from 'altcha-lib/dist/esm/v2/algorithms/sha';
}
