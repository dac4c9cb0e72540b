// The agent dashboard's control: login, the live socket, answering and ending calls, the call's audio, wrap-up and
// history. Views render the state; this module changes it and talks to the server.

import { api, ApiError, whenUnauthorized } from '../js/api.js';
import { session, isSupervisor } from '../js/session.js';
import { LiveSocket } from '../js/socket.js';
import { RingTone } from '../js/ring.js';
import { AudioPeer, iceServers } from '../js/rtc.js';
import * as model from './state.js';
import * as view from './views.js';

const { state } = model;
const $ = id => document.getElementById(id);
const HISTORY_PAGE = 20;
const DTMF_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

let socket = null;
let peer = null;
let ice = [];
let historyCursor = null;
let lastDetail = '';
const ring = new RingTone(blocked => { $('audio-note').hidden = !blocked; });

// Read by the browser tests (WebRTC statistics, connection state); harmless for everyone else.
window.callcenterDebug = { peer: () => peer, state };

// ---- session ----------------------------------------------------------------------------------------------

function showLogin(message) {
    $('app-view').hidden = true;
    $('login-view').hidden = false;
    const error = $('login-error');
    error.textContent = message || '';
    error.hidden = !message;
    $('login-username').focus();
}

async function login(event) {
    event.preventDefault();
    const button = event.submitter || $('login-form').querySelector('button');
    button.disabled = true;
    try {
        const answer = await api('/api/auth/login', {
            method: 'POST', token: null,
            body: { username: $('login-username').value.trim(), password: $('login-password').value },
        });
        if (!['agent', 'supervisor', 'admin'].includes(answer.user.role)) {
            throw new Error('This account cannot take calls.');
        }
        session.save(answer);
        $('login-password').value = '';
        const back = new URLSearchParams(location.search).get('return');
        if (back === '/wallboard.html' && isSupervisor(answer.user)) {
            location.assign(back);
            return;
        }
        showApp();
    } catch (e) {
        showLogin(e.message);
    } finally {
        button.disabled = false;
    }
}

function logout(message) {
    if (socket) {
        socket.stop();
        socket = null;
    }
    endMedia();
    session.clear();
    ring.set(false);
    state.active = null;
    state.wrapup = null;
    state.waiting.clear();
    showLogin(message);
}

whenUnauthorized(() => logout('Your session has ended. Please sign in again.'));

function showApp() {
    state.user = session.user();
    $('login-view').hidden = true;
    $('app-view').hidden = false;
    $('me-name').textContent = `${state.user.displayName} · ext. ${state.user.extension || '—'}`;
    $('wallboard-link').hidden = !isSupervisor(state.user);
    iceServers(api).then(list => { ice = list; });
    socket = new LiveSocket(() => session.token(), {
        onOpen: () => socket.send('agent:register', {}),
        onEvent,
        onState: (connection, detail) => {
            state.connection = connection;
            lastDetail = detail;
            view.renderConnection(detail);
            view.renderStatus();
        },
        // A refused socket: is the session over (the 401 logs out) or was it a passing failure (retry)?
        onRefused: () => {
            api('/api/calls?limit=1').catch(() => {});
            return true;
        },
    }).start();
    loadHistory(false);
    render();
}

// ---- events from the server -------------------------------------------------------------------------------

function onEvent(event, data) {
    switch (event) {
        case 'agents:list':
            model.setAgents(data);
            break;
        case 'agent:updated':
            model.updateAgent(data);
            break;
        case 'calls:waiting':
            model.replaceWaiting(data);
            checkActiveStillLive();
            break;
        case 'call:incoming':
            model.addIncoming(data);
            break;
        case 'call:taken':
            model.removeWaiting(data.callId);
            break;
        case 'call:accepted':
            if (data.agent && state.user && data.agent.id === state.user.id) {
                becomeActive(data);
            } else {
                model.removeWaiting(data.id);
            }
            break;
        case 'call:updated':
            if (state.active && state.active.id === data.id) {
                state.active = data;
            } else if (data.status !== 'waiting') {
                model.removeWaiting(data.id);
            }
            break;
        case 'call:ended':
            callEnded(data);
            break;
        case 'webrtc:offer':
        case 'webrtc:answer':
        case 'webrtc:ice':
            if (state.active && state.active.id === data.callId) {
                ensurePeer().handle(event, data);
            }
            break;
        case 'error':
            if (data.code === 'call_already_taken' && data.callId) {
                model.removeWaiting(data.callId);
            }
            view.toast(data.message || data.code);
            break;
        default:
            return; // stats:updated and future events: nothing to show here
    }
    render();
}

function callEnded(ended) {
    model.removeWaiting(ended.callId);
    if (state.active && state.active.id === ended.callId) {
        const call = state.active;
        state.wrapup = { ...call, status: ended.status, durationSeconds: ended.durationSeconds, hangupCause: ended.hangupCause };
        state.active = null;
        state.muted = false;
        endMedia();
        loadHistory(false);
        view.toast(`Call with ${call.callerName || call.phoneNumber || 'the caller'} ended`);
    }
}

/**
 * After a reconnect: the server hands back the agent's active call right after the snapshot; a call shown as active
 * here that ended while the socket was down is looked up once and closed.
 */
async function checkActiveStillLive() {
    const call = state.active;
    if (!call) {
        return;
    }
    try {
        const now = await api(`/api/calls/${call.id}`);
        if (['ended', 'missed', 'failed'].includes(now.status) && state.active && state.active.id === call.id) {
            callEnded({ callId: call.id, status: now.status, durationSeconds: now.durationSeconds, hangupCause: now.hangupCause });
            render();
        }
    } catch (e) {
        // The next event or reconnect tries again.
    }
}

// ---- actions ----------------------------------------------------------------------------------------------

async function answer(callId) {
    if (state.active) {
        return;
    }
    try {
        becomeActive(await api(`/api/calls/${callId}/accept`, { method: 'POST' }));
    } catch (e) {
        if (e instanceof ApiError && e.status === 409) {
            model.removeWaiting(callId);
            view.toast(e.type.endsWith('/call-already-taken') ? 'Another agent already took this call.' : e.message);
        } else {
            view.toast(e.message);
        }
    }
    render();
}

function decline(callId) {
    socket && socket.send('call:decline', { callId });
    state.declined.add(callId);
    render();
}

async function endCall() {
    if (!state.active) {
        return;
    }
    const id = state.active.id;
    try {
        const ended = await api(`/api/calls/${id}/end`, { method: 'POST' });
        callEnded({ callId: id, status: ended.status, durationSeconds: ended.durationSeconds, hangupCause: ended.hangupCause });
    } catch (e) {
        if (e instanceof ApiError && e.status === 409) {
            callEnded({ callId: id, status: 'ended', durationSeconds: 0, hangupCause: null });
        } else {
            view.toast(e.message);
        }
    }
    render();
}

async function toggleMute() {
    if (!state.active) {
        return;
    }
    state.muted = !state.muted;
    if (peer) {
        await peer.setMuted(state.muted);
    }
    render();
}

function becomeActive(call) {
    model.removeWaiting(call.id);
    const fresh = !state.active || state.active.id !== call.id;
    state.active = call;
    state.wrapup = null;
    if (fresh) {
        loadHistory(false);
        state.muted = false;
        endMedia();
        if (call.channel === 'app') {
            state.media = 'Waiting for the caller\'s audio…';
            ensurePeer().openMicrophone().catch(e => {
                state.media = `Microphone unavailable: ${e.message}`;
                render();
            });
        } else {
            state.media = 'The audio of carrier calls runs through the carrier\'s WebRTC client.';
        }
    }
}

function ensurePeer() {
    if (!peer || peer.callId !== state.active.id) {
        endMedia();
        peer = new AudioPeer({
            callId: state.active.id,
            iceServers: ice,
            signal: (event, data) => socket && socket.send(event, data),
            remoteAudio: $('remote-audio'),
            onState: connection => {
                state.media = {
                    connected: 'Audio connected', connecting: 'Connecting audio…', new: 'Connecting audio…',
                    disconnected: 'Audio interrupted, reconnecting…', failed: 'Audio failed', closed: '',
                }[connection] || connection;
                render();
            },
        });
        if (state.muted) {
            peer.setMuted(true);
        }
    }
    return peer;
}

function endMedia() {
    if (peer) {
        peer.close();
        peer = null;
    }
    state.media = '';
}

/** How the keypad sends digits for this call: the carrier's command, in-band over WebRTC, or not at all. */
function dtmfMode(call) {
    if (!call) {
        return null;
    }
    if (call.channel === 'telnyx' && call.provider && call.provider.callControlId) {
        return 'provider';
    }
    return call.channel === 'app' ? 'inband' : null;
}

async function sendDigit(digit) {
    const call = state.active;
    const mode = dtmfMode(call);
    try {
        if (mode === 'provider') {
            await api(`/api/voice/calls/${encodeURIComponent(call.provider.callControlId)}/dtmf`,
                { method: 'POST', body: { digits: digit } });
        } else if (mode === 'inband' && !(peer && peer.sendDtmf(digit))) {
            view.toast('Digits can be sent once the audio is connected and not muted.');
        }
    } catch (e) {
        view.toast(e.message);
    }
}

async function saveWrapup(event) {
    event.preventDefault();
    const call = state.wrapup;
    const error = $('wrapup-error');
    try {
        await api(`/api/calls/${call.id}/wrapup`, {
            method: 'POST',
            body: { disposition: $('wrapup-disposition').value, note: $('wrapup-note').value.trim() || undefined },
        });
        state.wrapup = null;
        $('wrapup-note').value = '';
        error.hidden = true;
        view.toast('Wrap-up saved.');
        loadHistory(false);
    } catch (e) {
        error.textContent = e.message;
        error.hidden = false;
    }
    render();
}

async function loadHistory(more) {
    try {
        const cursor = more && historyCursor ? `&cursor=${encodeURIComponent(historyCursor)}` : '';
        const page = await api(`/api/calls?limit=${HISTORY_PAGE}${cursor}`);
        historyCursor = page.nextCursor;
        view.renderHistory(page.items, more, page.nextCursor, openTimeline);
    } catch (e) {
        view.toast(`Call history: ${e.message}`);
    }
}

async function openTimeline(callId) {
    try {
        view.renderTimeline(await api(`/api/calls/${callId}`));
    } catch (e) {
        view.toast(e.message);
    }
}

// ---- wiring -----------------------------------------------------------------------------------------------

function render() {
    view.renderConnection(lastDetail);
    view.renderStatus();
    view.renderIncoming({ answer, decline });
    view.renderActive(dtmfMode(state.active));
    view.renderWrapup();
    view.renderAgents();
    ring.set(model.visibleWaiting().length > 0 && !state.active && state.myStatus !== 'away');
}

function shortcut(event) {
    const target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey || (target && target.closest
        && target.closest('input, textarea, select, [contenteditable], dialog[open]'))) {
        return;
    }
    const key = event.key.toLowerCase();
    if (key === 'a') {
        const oldest = model.visibleWaiting()[0];
        if (oldest && !state.active) {
            answer(oldest.callId);
        }
    } else if (key === 'm') {
        toggleMute();
    } else if (key === 'e') {
        endCall();
    } else {
        return;
    }
    event.preventDefault();
}

function start() {
    $('login-form').addEventListener('submit', login);
    $('logout').addEventListener('click', () => logout());
    $('retry').addEventListener('click', () => socket && socket.retryNow());
    $('status-select').addEventListener('change', e => {
        if (!socket || !socket.send('agent:status', { status: e.target.value })) {
            view.toast('Not connected: your status will be set when the connection is back.');
        }
    });
    $('mute').addEventListener('click', toggleMute);
    $('end').addEventListener('click', endCall);
    $('wrapup').addEventListener('submit', saveWrapup);
    $('wrapup-skip').addEventListener('click', () => { state.wrapup = null; render(); });
    $('history-more').addEventListener('click', () => loadHistory(true));
    $('keypad').replaceChildren(...DTMF_KEYS.map(key => view.el('button', {
        type: 'button', 'aria-label': `Send digit ${key}`, onclick: () => sendDigit(key) }, key)));
    document.addEventListener('keydown', shortcut);
    setInterval(view.tickTimers, 1000);
    if (session.get()) {
        showApp();
    } else {
        showLogin();
    }
}

start();
