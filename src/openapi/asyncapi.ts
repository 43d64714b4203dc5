import { clientFrame, serverFrame } from '../realtime/frames.js';
import { frameName } from './components.js';
import { openApiDocument } from './document.js';

// The WebSocket protocol as an AsyncAPI 3.0 document, built from the same zod frames as the
// OpenAPI document (its schemas are copied from there, so the two cannot disagree). Operations
// are the server's: it receives client frames and sends server frames on one channel, /v1/ws.

type Schema = Record<string, unknown>;

/** The named schemas `roots` need, following $refs. */
function closure(all: Record<string, Schema>, roots: string[]): Record<string, Schema> {
  const out: Record<string, Schema> = {};
  const visit = (name: string) => {
    if (out[name] || !all[name]) return;
    out[name] = all[name];
    for (const m of JSON.stringify(all[name]).matchAll(/"#\/components\/schemas\/([^"]+)"/g))
      visit(m[1] as string);
  };
  for (const r of roots) visit(r);
  return out;
}

let cached: Record<string, unknown> | undefined;
const bearer = { $ref: '#/components/securitySchemes/bearer' };

export function asyncApiDocument(): Record<string, unknown> {
  if (cached) return cached;
  const openApi = openApiDocument();
  const frames = [
    ...clientFrame.options.map((f) => ({ side: 'Client' as const, type: f.shape.type.value })),
    ...serverFrame.options.map((f) => ({ side: 'Server' as const, type: f.shape.type.value })),
  ].map((f) => ({ ...f, name: frameName(f.side, f.type) }));
  const schemas = closure(
    (openApi.components?.schemas ?? {}) as Record<string, Schema>,
    frames.map((f) => f.name),
  );
  const messages = Object.fromEntries(
    frames.map((f) => [
      f.name,
      {
        name: f.type,
        title: `${f.side === 'Client' ? 'Client' : 'Server'} frame \`${f.type}\``,
        payload: { $ref: `#/components/schemas/${f.name}` },
      },
    ]),
  );
  const channelMessages = Object.fromEntries(
    frames.map((f) => [f.name, { $ref: `#/components/messages/${f.name}` }]),
  );
  const of = (side: 'Client' | 'Server') =>
    frames.filter((f) => f.side === side).map((f) => ({ $ref: `#/channels/socket/messages/${f.name}` }));
  cached = {
    asyncapi: '3.0.0',
    info: {
      title: 'Chat-X WebSocket protocol',
      version: '1.0.0',
      description:
        'One WebSocket per device; every frame is one JSON text object with a `type`. Delivery ' +
        'guarantees, authentication, close codes and limits: docs/protocol.md. Errors are `error` ' +
        'frames with a code of the error catalogue (docs/errors.md).',
      license: { name: openApi.info.license?.name ?? 'Proprietary' },
    },
    servers: {
      chatx: {
        host: '{host}',
        protocol: 'wss',
        description: 'The Chat-X server; the REST API is on the same host and port',
        variables: { host: { default: 'localhost:3000', description: 'host[:port] of the server' } },
        security: [bearer],
      },
    },
    defaultContentType: 'application/json',
    channels: {
      socket: {
        address: '/v1/ws',
        title: 'A device connection',
        description:
          'Native clients send `Authorization: Bearer <accessToken>` on the upgrade; browsers send ' +
          'an `auth` frame first. The server answers `ready`.',
        messages: channelMessages,
        bindings: {
          ws: {
            method: 'GET',
            headers: {
              type: 'object',
              properties: { Authorization: { type: 'string', description: 'Bearer <accessToken>' } },
            },
            bindingVersion: '0.1.0',
          },
        },
      },
    },
    operations: {
      receiveClientFrames: {
        action: 'receive',
        title: 'Frames a client sends',
        channel: { $ref: '#/channels/socket' },
        security: [bearer],
        messages: of('Client'),
      },
      sendServerFrames: {
        action: 'send',
        title: 'Frames the server sends',
        channel: { $ref: '#/channels/socket' },
        security: [bearer],
        messages: of('Server'),
      },
    },
    components: {
      schemas,
      messages,
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'The REST access token: an Authorization header on the upgrade, or an `auth` frame',
        },
      },
    },
  };
  return cached;
}
