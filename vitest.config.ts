import { defineConfig } from 'vitest/config';

// Type tests (*.test-d.ts) are checked by `npm run typecheck` (tsc covers them), not by a second pass here.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  },
});
