import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startDynamoLocal } from '../scripts/lib/dynamodb-local.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

// One DynamoDB Local for the whole run; test files isolate themselves by table prefix.
export default async function setup(project: TestProject) {
  // This run's response-validation counts only (test/helpers/record-responses.ts writes them).
  rmSync('test-artifacts/api-validation', { recursive: true, force: true });
  const local = process.env.TEST_DYNAMODB_ENDPOINT
    ? undefined
    : await startDynamoLocal({ timeoutMs: 60_000 });
  project.provide('dynamoEndpoint', process.env.TEST_DYNAMODB_ENDPOINT ?? (local?.endpoint as string));
  return async () => {
    await local?.stop();
  };
}
