import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [preact()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // Exports through epubcheck, archive round trips and the WebDAV servers take seconds on a
    // loaded 2-core machine; a hang still fails. Speed is measured by the benchmarks, not here.
    testTimeout: 20_000,
    setupFiles: ['tests/unit/setup/settle-preact.ts'],
    typecheck: { enabled: true, include: ['tests/unit/**/*.test-d.ts'], tsconfig: './tsconfig.node.json' },
  },
});
