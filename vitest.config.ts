import { defineConfig } from 'vitest/config';

// Node 20 is supported locally; production runs Node 22 (see README). Quiet the SDK's notice.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Every HTTP response the suite produces is checked against the OpenAPI document.
    setupFiles: ['test/helpers/record-responses.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores here: two workers keep DynamoDB Local (Java) from being starved.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
