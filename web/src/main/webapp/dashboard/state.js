// The dashboard's state (entity): what the agent sees, changed only through these functions so that a snapshot
// after a reconnect and the live events end up in the same place — nothing shown twice, nothing lost.

export const state = {
    user: null,
    connection: 'connecting',
    connectionDetail: '',   // why the socket is not connected, e.g. 'retrying in 4 s'
    myStatus: 'offline',
    agents: new Map(),      // agentId -> {agentId, agentName, extension, status, reason}
    waiting: new Map(),     // callId -> {callId, callerName, phoneNumber, ivrOption, queueName, queue, priority, channel, timestamp}
    declined: new Set(),    // callIds this agent declined: hidden here, still offered to the others
    active: null,           // the agent's own active call (a call object)
    wrapup: null,           // the call to wrap up after it ended
    muted: false,
    media: '',
    quality: null,          // the active call's {rttMs, lossPercent, degraded, text}, from WebRTC statistics
    readyHint: '',          // how to allow a microphone the browser no longer asks for
};

let onChange = () => {};

/** What redraws the page after a change; main.js sets it, so that the controls need not import the page. */
export function whenChanged(handler) {
    onChange = handler;
}

/** Called by a control once it has changed the state. */
export function changed() {
    onChange();
}

/** A call object (snapshot, call:accepted) as an incoming card. */
export function card(call) {
    return {
        callId: call.callId || call.id,
        callerName: call.callerName,
        phoneNumber: call.phoneNumber,
        ivrOption: call.ivrOption,
        queueName: call.queueName,
        queue: call.queue,
        priority: call.priority,
        channel: call.channel,
        timestamp: call.timestamp || call.createdAt,
    };
}

/** calls:waiting: the server's list replaces ours. */
export function replaceWaiting(calls) {
    state.waiting = new Map();
    for (const call of calls) {
        if (!state.active || state.active.id !== call.id) {
            state.waiting.set(call.id, card(call));
        }
    }
    for (const id of [...state.declined]) {
        if (!state.waiting.has(id)) {
            state.declined.delete(id);
        }
    }
}

export function addIncoming(incoming) {
    if (state.active && state.active.id === incoming.callId) {
        return;
    }
    state.waiting.set(incoming.callId, card(incoming));
}

export function removeWaiting(callId) {
    state.waiting.delete(callId);
    state.declined.delete(callId);
}

/** The cards shown: waiting calls not declined here, oldest first. */
export function visibleWaiting() {
    return [...state.waiting.values()]
        .filter(c => !state.declined.has(c.callId))
        .sort((a, b) => String(a.timestamp).localeCompare(String(b.timestamp)));
}

export function setAgents(list) {
    state.agents = new Map(list.map(a => [a.agentId, a]));
    const me = state.user && state.agents.get(state.user.id);
    if (me) {
        state.myStatus = me.status;
    }
}

export function updateAgent(agent) {
    state.agents.set(agent.agentId, agent);
    if (state.user && agent.agentId === state.user.id) {
        state.myStatus = agent.status;
    }
}
