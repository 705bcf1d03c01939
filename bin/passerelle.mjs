#!/usr/bin/env node
// Runs the TypeScript sources directly (tsx), on Node 20.19+ and 24 alike: no separate server build to forget.
import { register } from 'tsx/esm/api';

register();
await import('../src/server/cli.ts');
