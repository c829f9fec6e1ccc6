// The extension's document worker (client/src/documentWorker.ts) from its TypeScript source, for
// test/documentWorker.test.ts: tsx registered in the worker thread, then the entry imported.
import { register as esm } from 'tsx/esm/api';
import { register as cjs } from 'tsx/cjs/api';

cjs();
esm();
await import('../client/src/documentWorker.ts');
