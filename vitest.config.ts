import { defineConfig } from 'vitest/config';

// `npm test` runs these unit projects together; test/ (multi-node) runs on its own.
export default defineConfig({
  test: {
    projects: ['libs/*', 'apps/*'],
  },
});
