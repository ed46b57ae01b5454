import { defineConfig } from 'vitest/config';

// Every lib and app: unit tests beside the code.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
  },
});
