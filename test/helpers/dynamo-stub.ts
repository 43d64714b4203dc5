import { createServer, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDb, type Db } from '../../src/db/client.js';

export interface StubAnswer {
  status: number;
  /** Sent as JSON, unless `raw` is given. */
  body?: unknown;
  raw?: string;
  headers?: OutgoingHttpHeaders;
}

/** A local stub of DynamoDB's HTTP API: answers each request with `answer`, and records them. */
export async function dynamoStub(answer: (body: unknown, n: number) => StubAnswer) {
  const seen: { headers: IncomingMessage['headers']; body: unknown }[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (c) => {
      text += c;
    });
    req.on('end', () => {
      const body = JSON.parse(text);
      seen.push({ headers: req.headers, body });
      const a = answer(body, seen.length);
      res
        .writeHead(a.status, { 'content-type': 'application/x-amz-json-1.0', ...a.headers })
        .end(a.raw ?? JSON.stringify(a.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const db: Db = createDb({
    region: 'us-east-1',
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tablePrefix: 'stub-',
  });
  return {
    db,
    seen,
    close: () => {
      db.destroy();
      server.closeAllConnections();
      server.close();
    },
  };
}
