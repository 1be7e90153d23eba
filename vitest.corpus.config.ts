import { defineConfig } from 'vitest/config';

// `npm run corpus`: checks against real public manifests in ../shared/corpus when that folder exists.
export default defineConfig({
  test: { include: ['test/corpus/**/*.test.ts'], testTimeout: 120_000 },
});
