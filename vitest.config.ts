import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'packages/*/test/**/*.test.ts',
      'packages/web/src/**/*.test.tsx',
      'e2e/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', '**/.tmp/**', '**/data/**'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // A browser on a busy 2-core machine may take seconds to paint: polls wait for it, not 1 s.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    fileParallelism: true,
    // CI machines have 2 cores; keep the worker count bounded.
    maxWorkers: 2,
  },
});
