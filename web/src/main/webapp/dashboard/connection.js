// The live connection (control): one socket per signed-in tab. It registers the agent on every (re)connection,
// and the server answers a registration with the snapshot (agents:list, calls:waiting, the agent's own active
// call), so a reconnect needs nothing else; the socket itself backs off and retries (js/socket.js).

import { api } from '../js/api.js';
import { session } from '../js/session.js';
import { LiveSocket } from '../js/socket.js';
import { state } from './state.js';
import * as view from './views.js';

let socket = null;

/**
 * @param onEvent    (event, data) for every event the server pushes
 * @param registered called after each registration is sent (the page then reports whether it can take a call)
 */
export function connect(onEvent, registered) {
    socket = new LiveSocket(() => session.token(), {
        onOpen: () => {
            socket.send('agent:register', {});
            registered();
        },
        onEvent,
        onState: (connection, detail) => {
            state.connection = connection;
            state.connectionDetail = detail;
            view.renderConnection(detail);
            view.renderStatus();
        },
        // A refused socket: is the session over (the 401 logs out) or was it a passing failure (retry)?
        onRefused: () => {
            api('/api/calls?limit=1').catch(() => {});
            return true;
        },
    }).start();
}

export function disconnect() {
    if (socket) {
        socket.stop();
        socket = null;
    }
}

/** Sends an event; false when there is no open socket (the caller decides what to tell the agent). */
export function send(event, data) {
    return !!socket && socket.send(event, data);
}

export function retryNow() {
    if (socket) {
        socket.retryNow();
    }
}
