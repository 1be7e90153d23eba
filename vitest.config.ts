import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'rules/**/*.test.ts', 'test/**/*.test.ts'],
    // the real-world corpus lives outside the repository: `npm run corpus`
    exclude: ['test/corpus/**', 'node_modules/**', 'dist/**'],
    testTimeout: 60_000,
    pool: 'threads',
  },
});
