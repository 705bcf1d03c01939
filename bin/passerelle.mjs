#!/usr/bin/env -S node --max-semi-space-size=32 --no-allocation-site-pretenuring
// --max-semi-space-size=32 (also in `npm start` and `npm run bench`): a young generation large enough for the
// ranking's and the planning's reads (a regional pool parses a megabyte of facts per request) to die young instead of
// being promoted and marked; --no-allocation-site-pretenuring: V8 stops allocating a request's validated query
// straight into the old generation; both measured in docs/decisions/017-young-generation.md.
// Runs the TypeScript sources directly (tsx), on Node 20.19+ and 24 alike: no separate server build to forget.
import { register } from 'tsx/esm/api';

register();
await import('../src/server/cli.ts');
