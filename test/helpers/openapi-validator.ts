import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { errorCatalogue } from '../../src/lib/errors.js';
import { openApiDocument } from '../../src/openapi/document.js';

// Checks one HTTP response against the OpenAPI document: the operation exists (or the path is
// unknown: 404, or the method is wrong: 405 + Allow), it lists the status, the error code is one
// it lists for that status, the required headers are there, and the body matches the schema.
// Each violation says what to change, for a newcomer who added a route.

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

export interface Exchange {
  method: string;
  url: string;
  status: number;
  headers: Record<string, unknown>;
  body: Buffer;
}

export type Outcome =
  | { kind: 'validated'; operation: string; status: number; code?: string }
  | { kind: 'unrouted' | 'skipped' }
  | { kind: 'violation'; message: string };

type Json = Record<string, unknown>;
interface Response {
  headers?: Record<string, Json>;
  content?: Record<string, { schema?: Json }>;
}
interface Operation {
  operationId?: string;
  responses: Record<string, Response>;
}
interface PathEntry {
  template: string;
  pattern: RegExp;
  params: number;
  ops: Record<string, Operation>;
}

const SCHEMAS = 'https://chat-x.invalid/components';
const DOCUMENT_FILE = 'src/openapi/document.ts';

/** `#/components/schemas/X` → a reference Ajv resolves in the one components schema. */
const rewrite = (v: unknown): unknown =>
  JSON.parse(JSON.stringify(v).replace(/"#\/components\/schemas\/([^"]+)"/g, `"${SCHEMAS}#/$defs/$1"`));

export class ResponseValidator {
  private readonly ajv: Ajv2020;
  private readonly paths: PathEntry[];
  private readonly headers: Record<string, Json>;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly errorSchema: ValidateFunction;

  constructor(doc = openApiDocument() as unknown as Json) {
    this.ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
    const components = (doc.components ?? {}) as Json;
    this.ajv.addSchema({ $id: SCHEMAS, $defs: rewrite(components.schemas ?? {}) });
    this.headers = (components.headers ?? {}) as Record<string, Json>;
    this.errorSchema = this.ajv.compile({ $ref: `${SCHEMAS}#/$defs/Error` });
    this.paths = Object.entries(doc.paths as Record<string, Record<string, Operation>>)
      .map(([template, ops]) => ({
        template,
        ops,
        params: (template.match(/\{/g) ?? []).length,
        pattern: new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+')}/?$`),
      }))
      // A literal segment wins over a parameter (/v1/users/me before /v1/users/{id}).
      .sort((a, b) => a.params - b.params);
  }

  check(x: Exchange): Outcome {
    const method = x.method.toLowerCase();
    if (method === 'options' || method === 'head' || x.status === 304 || x.status === 101)
      return { kind: 'skipped' };
    const path = x.url.split('?')[0] ?? '';
    const entry = this.paths.find((p) => p.pattern.test(path));
    const what = `${x.method.toUpperCase()} ${path} answered ${x.status}`;
    if (!entry) {
      // Not an API path: the web client's files (any status they like) or an error of ours.
      if (!path.startsWith('/v1') && x.status < 400) return { kind: 'skipped' };
      const problem = this.checkError(x, undefined);
      return problem ? { kind: 'violation', message: `${what}: ${problem}` } : { kind: 'unrouted' };
    }
    const op = entry.ops[method];
    if (!op) {
      if (x.status === 405 && !headerOf(x, 'allow'))
        return { kind: 'violation', message: `${what} without an Allow header` };
      const problem = this.checkError(x, undefined);
      return problem ? { kind: 'violation', message: `${what}: ${problem}` } : { kind: 'unrouted' };
    }
    const name = op.operationId ?? `${method} ${entry.template}`;
    const fix = `its entry in ${DOCUMENT_FILE} (operation ${name})`;
    const response = op.responses[String(x.status)] ?? op.responses.default;
    const code = x.status >= 400 ? errorCodeOf(x.body) : undefined;
    if (!response) {
      return {
        kind: 'violation',
        message: `${what}${code ? ` (${code})` : ''}, a status the document does not list: ${
          code ? `add '${code}' to \`codes\` of` : `add ${x.status} to \`responses\` of`
        } ${fix}`,
      };
    }
    for (const [name, h] of Object.entries(response.headers ?? {})) {
      const header = (h.$ref ? this.headers[String(h.$ref).split('/').pop() as string] : h) ?? {};
      if (header.required && headerOf(x, name) === undefined)
        return { kind: 'violation', message: `${what} without its required header ${name}` };
    }
    const media = Object.keys(response.content ?? {});
    if (media.length === 0) {
      return x.body.length === 0
        ? { kind: 'validated', operation: name, status: x.status }
        : { kind: 'violation', message: `${what} with a body the document does not describe (${fix})` };
    }
    const type =
      String(headerOf(x, 'content-type') ?? '')
        .split(';')[0]
        ?.trim() ?? '';
    if (!media.includes(type))
      return {
        kind: 'violation',
        message: `${what} as ${type || 'no content type'}; the document says ${media}`,
      };
    if (type !== 'application/json') return { kind: 'validated', operation: name, status: x.status };
    let body: unknown;
    try {
      body = JSON.parse(x.body.toString('utf8'));
    } catch {
      return { kind: 'violation', message: `${what} with a body that is not JSON` };
    }
    // Error answers: the Error shape, and a code the entry lists for this status (no compile per route).
    const schema = response.content?.[type]?.schema as { allOf?: Json[] } | undefined;
    const codes = listedCodes(schema);
    if (codes) {
      if (!this.errorSchema(body))
        return {
          kind: 'violation',
          message: `${what}, an error body not in the Error shape: ${JSON.stringify(body)}`,
        };
      if (!code || !codes.includes(code))
        return {
          kind: 'violation',
          message: `${what} (${code}), a code the document does not list for ${x.status}: add '${code}' to \`codes\` of ${fix}`,
        };
      return { kind: 'validated', operation: name, status: x.status, code };
    }
    const key = `${name} ${x.status}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(rewrite(response.content?.[type]?.schema ?? {}) as Json);
      this.compiled.set(key, validate);
    }
    if (!validate(body)) {
      const errors = (validate.errors ?? [])
        .slice(0, 3)
        .map((e) => `${e.instancePath || '(body)'} ${e.message}`)
        .join('; ');
      const hint = code
        ? `is '${code}' missing from \`codes\` of ${fix}?`
        : `does the schema in ${fix} match?`;
      return { kind: 'violation', message: `${what}, body not as documented: ${errors} (${hint})` };
    }
    return { kind: 'validated', operation: name, status: x.status, ...(code ? { code } : {}) };
  }

  /** An answer no operation documents (unknown path, wrong method): the catalogue's error shape. */
  private checkError(x: Exchange, _op: undefined): string | undefined {
    if (x.status < 400) return 'a success for a path or method the document does not have';
    if (headerOf(x, 'x-request-id') === undefined) return 'no X-Request-Id header';
    let body: unknown;
    try {
      body = JSON.parse(x.body.toString('utf8'));
    } catch {
      return 'an error body that is not JSON';
    }
    if (!this.errorSchema(body)) return `an error body not in the Error shape: ${JSON.stringify(body)}`;
    const code = errorCodeOf(x.body) as keyof typeof errorCatalogue;
    if (errorCatalogue[code]?.status !== x.status) return `code ${code} with the wrong status`;
    return undefined;
  }
}

/** The codes an error response of operation.ts lists: allOf [Error, { error: { code: enum } }]. */
function listedCodes(schema: { allOf?: Json[] } | undefined): string[] | undefined {
  const error = (schema?.allOf?.[1]?.properties as Json | undefined)?.error as Json | undefined;
  const code = (error?.properties as Json | undefined)?.code as { enum?: string[] } | undefined;
  return code?.enum;
}

function headerOf(x: Exchange, name: string): unknown {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(x.headers)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

function errorCodeOf(body: Buffer): string | undefined {
  try {
    const code = (JSON.parse(body.toString('utf8')) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}
