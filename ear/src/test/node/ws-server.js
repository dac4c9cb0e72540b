'use strict';
// The plain comparator: one ws server, each frame serialized once and written to every socket of its audience.
const { WebSocketServer } = require('ws');
const { agentOf, contract, httpServer, port } = require('./contract');

const registered = new Set();
const available = new Set();
const toAll = (set, event, data, except) => {
  const frame = JSON.stringify({ event, data });
  for (const ws of set) {
    if (ws !== except) ws.send(frame);
  }
};
const api = contract({
  registered(ws) { registered.add(ws); available.add(ws); },
  unavailable(ws) { available.delete(ws); },
  send(ws, event, data) { ws.send(JSON.stringify({ event, data })); },
  toAvailable(event, data) { toAll(available, event, data); },
  toRegistered(event, data, except) { toAll(registered, event, data, except); },
});
const server = httpServer(() => api);
const wss = new WebSocketServer({ server, path: '/ws', perMessageDeflate: false });
wss.on('connection', (ws, req) => {
  ws.agent = agentOf(new URL(req.url, 'http://x').searchParams.get('access_token'));
  if (!ws.agent) {
    ws.close(1008, 'a valid access_token is required');
    return;
  }
  ws.on('message', (text) => {
    let frame;
    try { frame = JSON.parse(text); } catch (e) { return; }
    if (frame.event === 'agent:register') api.register(ws);
    else if (frame.event === 'call:accept') api.accept(ws, frame.data);
  });
  ws.on('close', () => { registered.delete(ws); available.delete(ws); });
});
server.listen(port, '127.0.0.1', () => console.log(`ws comparator on ${port}`));
