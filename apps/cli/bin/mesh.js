#!/usr/bin/env node
// The `mesh` command runs from TypeScript source through tsx: no build step after `npm ci`.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
