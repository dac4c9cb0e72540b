'use strict';
// The seed's stack: socket.io with rooms, each broadcast encoded once by the adapter. WebSocket transport only
// (the benchmark's agents speak Engine.IO 4 over a WebSocket, as browsers do after the upgrade).
const { Server } = require('socket.io');
const { agentOf, contract, httpServer, port } = require('./contract');

let io;
const api = contract({
  registered(socket) { socket.join('registered'); socket.join('available'); },
  unavailable(socket) { socket.leave('available'); },
  send(socket, event, data) { socket.emit(event, data); },
  toAvailable(event, data) { io.to('available').emit(event, data); },
  toRegistered(event, data, except) {
    (except ? io.to('registered').except(except.id) : io.to('registered')).emit(event, data);
  },
});
const server = httpServer(() => api);
io = new Server(server, { transports: ['websocket'], perMessageDeflate: false, serveClient: false });
io.on('connection', (socket) => {
  socket.agent = agentOf(socket.handshake.query.access_token);
  if (!socket.agent) {
    socket.disconnect(true);
    return;
  }
  socket.on('agent:register', () => api.register(socket));
  socket.on('call:accept', (data) => api.accept(socket, data));
});
server.listen(port, '127.0.0.1', () => console.log(`socket.io comparator on ${port}`));
