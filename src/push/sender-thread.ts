// First: the thread lowers its priority before it loads the providers' modules.
import './low-priority.js';
import { parentPort, workerData } from 'node:worker_threads';
import type { PushConfig } from '../config.js';
import type { Outcome } from './provider.js';
import { buildProviders } from './providers.js';
import type { SendReply, SendRequest, ToSender } from './thread.js';

/** The push sender's thread: encrypts and POSTs (thread.ts says why here). */
const providers = buildProviders(workerData as PushConfig);
const port = parentPort;
if (!port) throw new Error('sender-thread.ts runs as a worker thread only');

let replies: SendReply[] = [];
const reply = (r: SendReply) => {
  // One message per turn for all the replies of that turn: a postMessage costs more than a field.
  if (replies.push(r) === 1)
    setImmediate(() => {
      port.postMessage(replies);
      replies = [];
    });
};

port.on('message', (msg: ToSender) => {
  if (msg === 'close') {
    void Promise.all(Object.values(providers).map((p) => p?.close())).finally(() => port.close());
    return;
  }
  for (const r of msg) void send(r).then((outcome) => reply({ id: r.id, outcome }));
});

async function send(r: SendRequest): Promise<Outcome> {
  const provider = providers[r.device.platform];
  if (!provider) return { kind: 'failed', reason: 'disabled' };
  try {
    return await provider.send(r.device, r.payload);
  } catch (err) {
    return { kind: 'failed', reason: (err as { code?: string; name?: string }).code ?? (err as Error).name };
  }
}
