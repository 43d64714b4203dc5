// Baseline 2: a Socket.IO relay with rooms — no auth, no storage. Clients emit 'join' (room) and
// 'msg' (room, body); the server emits 'msg' to the room's others.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.env.PORT ?? 9002);
const server = createServer();
const io = new Server(server, { transports: ['websocket'], perMessageDeflate: false, serveClient: false });

io.on('connection', (socket) => {
  socket.on('join', (room: string, done: () => void) => {
    void socket.join(room);
    done();
  });
  socket.on('msg', (room: string, body: string) => {
    socket.to(room).emit('msg', body);
  });
});
server.listen(port, () => process.stdout.write(`socket.io relay on ${port}\n`));
process.on('SIGTERM', () => process.exit(0));
