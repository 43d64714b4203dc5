// Baseline 1: a bare `ws` relay — no auth, no storage, no acks. What you would write in an
// afternoon. Frames: {"t":"join","room"} then {"t":"msg","room","body"} relayed to the room's others.
import { createServer } from 'node:http';
import { WebSocket, WebSocketServer } from 'ws';

const port = Number(process.env.PORT ?? 9001);
const rooms = new Map<string, Set<WebSocket>>();
const server = createServer();
const wss = new WebSocketServer({ server, perMessageDeflate: false });

wss.on('connection', (ws) => {
  let room: Set<WebSocket> | undefined;
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as { t: string; room: string; body?: string };
    if (frame.t === 'join') {
      room = rooms.get(frame.room) ?? new Set();
      rooms.set(frame.room, room);
      room.add(ws);
      ws.send('{"t":"joined"}');
    } else if (frame.t === 'msg' && room) {
      const out = JSON.stringify({ t: 'msg', body: frame.body });
      for (const peer of room) if (peer !== ws && peer.readyState === WebSocket.OPEN) peer.send(out);
    }
  });
  ws.on('close', () => room?.delete(ws));
});
server.listen(port, () => process.stdout.write(`ws relay on ${port}\n`));
process.on('SIGTERM', () => process.exit(0));
