import { defineConfig } from 'vitest/config';

// Multi-node tests: each file starts several full nodes (5 processes each), so files run
// one at a time on a 2-core machine.
export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
