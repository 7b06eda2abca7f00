import { defineConfig } from 'vitest/config';

// End-to-end tests drive real browsers against the built extension: one browser per file and
// browser, files one after another (each browser takes ~0.5 GB and a core).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.spec.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    reporters: ['default'],
  },
});
