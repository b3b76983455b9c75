// Imported first by the server's entry point (apps/server/src/cli.ts) and by `npm start`: on a Node.js outside
// package.json `engines` the process stops here with what to install, before any dependency is loaded (ADR 0026).
import { requireSupportedNode } from './node-version.mjs';

requireSupportedNode({ warn: false });
