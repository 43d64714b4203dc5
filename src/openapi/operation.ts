import {
  OpenAPIRegistry,
  OpenApiGeneratorV31,
  type ResponseConfig,
  type RouteConfig,
} from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import { type ErrorCode, errorCatalogue } from '../lib/errors.js';
import { clientFrame } from '../realtime/frames.js';
import { errorBody, headers, nameComponents } from './components.js';

// How an entry of `routes` (document.ts) becomes an OpenAPI operation. An entry names its
// operation (operationId, tags) and lists in `codes` the catalogue codes its own rules produce;
// the errors every route of its kind answers are added here, so no entry repeats them:
//   - not `public`: 401 unauthorized / invalid_token (with WWW-Authenticate), bearer security;
//   - a request body, or a method that may carry one (not GET): 400 validation_failed /
//     malformed_json, 413 payload_too_large (the JSON parser runs before any route);
//   - a query: 400 validation_failed;
//   - under /v1 (except the documents): 500 internal, 503 unavailable (with Retry-After);
//   - every response: X-Request-Id; 429 and 503: Retry-After.

export interface Route extends Omit<RouteConfig, 'responses'> {
  /** camelCase, verb first, unique: the method name generated clients get. Required (test). */
  operationId?: string;
  /** One of the document's tags (TAGS below). Required (test). */
  tags?: string[];
  /** Callable without a token: `security: []`, no 401. */
  public?: boolean;
  /** Catalogue codes this route's own rules answer with; statuses come from the catalogue. */
  codes?: ErrorCode[];
  responses: RouteConfig['responses'];
}

export const TAGS = [
  { name: 'Health', description: 'Liveness and readiness probes (load balancer, orchestrator)' },
  { name: 'Auth', description: 'Accounts, sign-in, tokens and sessions' },
  { name: 'Users', description: 'Profiles, the user directory, account deletion and export' },
  { name: 'Chats', description: 'Direct chats and groups, read markers' },
  { name: 'Members', description: 'Group membership and roles' },
  { name: 'Messages', description: 'Sending, history, edits and deletes' },
  { name: 'Sync', description: 'Changes missed while away (the WebSocket replay over REST)' },
  { name: 'Safety', description: 'Blocks, group invitations, invite links and join requests, reports' },
  { name: 'Push', description: 'Push targets (Web Push, APNs, FCM) and the VAPID key' },
  { name: 'Docs', description: 'These documents' },
];

type Headers = NonNullable<ResponseConfig['headers']>;
const ref = (name: keyof typeof headers) => ({ $ref: `#/components/headers/${name}` });

export const json = (schema: z.ZodType, description: string, extra: Headers = {}): ResponseConfig => ({
  description,
  headers: extra,
  content: { 'application/json': { schema } },
});

/** A required JSON request body. */
export const body = (schema: z.ZodType) => ({
  body: { required: true, content: { 'application/json': { schema } } },
});

/**
 * Old style, kept so older entries compile: every code of each status. Prefer `codes` on the
 * entry (the OpenAPI test names the operations that still need it).
 */
export const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [s, errorResponse(Object.keys(errorCatalogue).filter((c) => statusOf(c) === s))]),
  );

const statusOf = (code: string) => errorCatalogue[code as ErrorCode].status;

/** Every catalogue code a route answers with: its own `codes` and those of its kind. */
export function codesOf(route: Route): ErrorCode[] {
  const codes = new Set<ErrorCode>(route.codes ?? []);
  const add = (...more: ErrorCode[]) => {
    for (const c of more) codes.add(c);
  };
  if (!route.public) add('unauthorized', 'invalid_token');
  // The JSON body parser runs before routing: any method that may carry a body can get its errors.
  if (route.request?.body || route.method !== 'get')
    add('validation_failed', 'malformed_json', 'payload_too_large');
  if (route.request?.query) add('validation_failed');
  if (route.path.startsWith('/v1/') && !route.tags?.includes('Docs')) add('internal', 'unavailable');
  return [...codes];
}

function errorResponse(codes: string[]): ResponseConfig {
  const status = statusOf(codes[0] as string);
  return {
    description: codes.map((c) => `\`${c}\`: ${errorCatalogue[c as ErrorCode].message}`).join('; '),
    headers: {
      ...(status === 401 ? { 'WWW-Authenticate': ref('WWWAuthenticate') } : {}),
      ...(status === 429 || status === 503 ? { 'Retry-After': ref('RetryAfter') } : {}),
    },
    content: {
      'application/json': {
        schema: {
          allOf: [
            { $ref: '#/components/schemas/Error' },
            {
              type: 'object',
              properties: {
                error: { type: 'object', properties: { code: { type: 'string', enum: codes } } },
              },
            },
          ],
        },
      },
    },
  };
}

function toRouteConfig(route: Route): RouteConfig {
  const { public: isPublic, codes: _codes, ...config } = route;
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codesOf(route)) {
    const status = statusOf(code);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: RouteConfig['responses'] = { ...route.responses };
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b))
    responses[status] ??= errorResponse(codes);
  // Every response carries X-Request-Id.
  for (const [status, r] of Object.entries(responses)) {
    if ('$ref' in r) continue;
    responses[status] = { ...r, headers: { 'X-Request-Id': ref('XRequestId'), ...(r.headers as object) } };
  }
  return { ...config, ...(isPublic ? { security: [] } : {}), responses };
}

export function buildOpenApi(routes: Route[]) {
  nameComponents();
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'The access token from signUp, logIn or refreshSession',
  });
  for (const [name, header] of Object.entries(headers))
    registry.registerComponent('headers', name, header as never);
  for (const route of routes) registry.registerPath(toRouteConfig(route));
  // Named by their metadata. The client frames are used by no path: they are here so this
  // document is the frames' reference too.
  const schemas = [errorBody, clientFrame].map((schema) => ({ type: 'schema' as const, schema }));
  return new OpenApiGeneratorV31([...registry.definitions, ...schemas]).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Chat-X API',
      version: '1.0.0',
      license: { name: 'Proprietary', identifier: 'LicenseRef-Chat-X-Proprietary' },
      description: [
        'REST API of the Chat-X server. Real-time traffic uses the WebSocket protocol of docs/protocol.md, ',
        'described for machines at /v1/asyncapi.json; its frames are also the `Client…Frame` and ',
        '`Server…Frame` schemas here.\n\n',
        'Errors are `{"error":{"code","message","details?"}}` with a code of the catalogue (docs/errors.md). ',
        'An unknown path under /v1 answers 404 `not_found`, with or without a token; a known path asked ',
        'with a method it does not serve answers 405 `method_not_allowed` with `Allow`. ',
        'Every response carries `X-Request-Id`.',
      ].join(''),
    },
    servers: [{ url: '/', description: 'This server' }],
    security: [{ bearer: [] }],
    tags: TAGS,
  });
}
