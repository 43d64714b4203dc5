// Generates the REST API's TypeScript types from build/api/openapi.json with openapi-typescript
// (run with TypeScript 5 preloaded: see typescript5.mjs and `pnpm api:types`).
//   node … api-types.mjs          writes src/client/api.d.ts
//   node … api-types.mjs --check  fails when src/client/api.d.ts differs from the document
import { readFileSync, writeFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';

const target = 'src/client/api.d.ts';
const doc = JSON.parse(readFileSync('build/api/openapi.json', 'utf8'));
// defaultNonNullable off: a request field with a default (memberIds, limit) stays optional to send.
const ast = await openapiTS(doc, {
  rootTypes: true,
  rootTypesNoSchemaPrefix: true,
  defaultNonNullable: false,
});
const banner =
  '// Generated from the OpenAPI document by `pnpm api:types` (openapi-typescript). Do not edit:\n' +
  '// change src/openapi/ and regenerate. `pnpm api:client` fails when this file is out of date.\n\n';
const text = banner + astToString(ast);

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {}
  if (current !== text) {
    console.error(
      `api: ${target} is out of date with the OpenAPI document; run \`pnpm api:types\` and commit it`,
    );
    process.exit(1);
  }
  console.log(`api: ${target} matches the OpenAPI document`);
} else {
  writeFileSync(target, text);
  console.log(`api: wrote ${target}`);
}
