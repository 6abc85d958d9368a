// Worker-thread bootstrap: loads the TypeScript entry named in workerData (through tsx when
// running from source).
const { workerData } = require('node:worker_threads');
if (workerData.entry.endsWith('.ts')) require('tsx/cjs/api').register();
require(workerData.entry);
