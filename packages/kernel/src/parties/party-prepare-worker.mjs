// Entry of the party-prepare worker thread (party-prepare.ts). Node 20 does not pass a parent's --import loader to
// a worker, so this plain module loads the TypeScript worker through tsx itself.
import { tsImport } from 'tsx/esm/api';

await tsImport(new URL('./party-prepare-worker.ts', import.meta.url).href, import.meta.url);
