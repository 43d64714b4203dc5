import { mkdirSync, writeFileSync } from 'node:fs';
import { asyncApiDocument } from '../src/openapi/asyncapi.js';
import { openApiDocument } from '../src/openapi/document.js';

// Writes the served API documents to build/api/ (or the directory given) for the CI's linters
// and client generators: the same objects /v1/openapi.json and /v1/asyncapi.json answer with.
const dir = process.argv[2] ?? 'build/api';
mkdirSync(dir, { recursive: true });
writeFileSync(`${dir}/openapi.json`, `${JSON.stringify(openApiDocument(), null, 2)}\n`);
writeFileSync(`${dir}/asyncapi.json`, `${JSON.stringify(asyncApiDocument(), null, 2)}\n`);
console.log(`api: wrote ${dir}/openapi.json and ${dir}/asyncapi.json`);
