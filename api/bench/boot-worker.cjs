// Worker-thread bootstrap for the benchmarks: loads the TypeScript entry named in workerData.
const { workerData } = require('node:worker_threads');
require('tsx/cjs/api').register();
require(workerData.entry);
