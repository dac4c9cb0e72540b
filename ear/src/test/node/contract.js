'use strict';
// The subset of api.md the fan-out benchmark uses, shared by both comparators: agent:register (answered with
// calls:waiting), POST /api/calls/initiate (call:incoming to every available agent), call:accept (exactly one
// winner gets call:accepted, the others call:taken, a loser's own accept error call_already_taken, and
// agent:updated busy to every registered agent). Tokens are read, not verified: the comparators measure the push,
// not the security. State lives in this one process, which is what makes the race trivially single-winner here.
const http = require('http');
const crypto = require('crypto');

function agentOf(token) {
  try {
    const claims = JSON.parse(Buffer.from(String(token).split('.')[1], 'base64url').toString());
    return { id: claims.sub, name: claims.upn || claims.sub };
  } catch (e) {
    return null;
  }
}

/** transport: { toAvailable(event, data), toRegistered(event, data, exceptConn), send(conn, event, data) } */
function contract(transport) {
  const calls = new Map();
  const waiting = new Map();
  return {
    register(conn) {
      conn.registered = true;
      conn.available = true;
      transport.registered(conn);
      transport.send(conn, 'calls:waiting', [...waiting.values()]);
    },
    accept(conn, data) {
      const call = data && calls.get(data.callId);
      if (!call) {
        transport.send(conn, 'error', { code: 'not_found', message: 'no such call', callId: data && data.callId });
        return;
      }
      if (call.agentId) {
        transport.send(conn, 'error', { code: 'call_already_taken', message: 'taken', callId: call.id });
        return;
      }
      call.agentId = conn.agent.id;
      call.status = 'active';
      waiting.delete(call.id);
      conn.available = false;
      transport.unavailable(conn);
      transport.send(conn, 'call:accepted', call);
      transport.toRegistered('call:taken', { callId: call.id, agentId: conn.agent.id, agentName: conn.agent.name }, conn);
      transport.toRegistered('agent:updated', { agentId: conn.agent.id, agentName: conn.agent.name, extension: null, status: 'busy' });
    },
    initiate(body) {
      const call = { id: crypto.randomUUID(), callerName: body.callerName, phoneNumber: body.phoneNumber,
        status: 'waiting', queueName: body.queueName || null, createdAt: new Date().toISOString() };
      calls.set(call.id, call);
      waiting.set(call.id, call);
      transport.toAvailable('call:incoming', { callId: call.id, callerName: call.callerName, phoneNumber: call.phoneNumber,
        ivrOption: null, queueName: call.queueName, channel: 'browser', timestamp: call.createdAt });
      return call;
    },
  };
}

function httpServer(getContract) {
  return http.createServer((req, res) => {
    if (req.method === 'GET' && req.url.startsWith('/health/ready')) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"status":"UP"}');
      return;
    }
    if (req.method === 'POST' && req.url.startsWith('/api/calls/initiate')) {
      let body = '';
      req.on('data', (chunk) => { body += chunk; });
      req.on('end', () => {
        const call = getContract().initiate(JSON.parse(body || '{}'));
        res.writeHead(201, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(call));
      });
      return;
    }
    res.writeHead(404);
    res.end();
  });
}

module.exports = { agentOf, contract, httpServer, port: Number(process.env.PORT || 18890) };
