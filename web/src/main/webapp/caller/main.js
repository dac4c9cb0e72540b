// The caller page (/call): the mobile app's flow in a browser. Client credentials → POST /api/calls/initiate →
// the callerToken opens /ws for this call only → when an agent accepts, this side offers WebRTC audio. The call is
// kept for the tab (sessionStorage): after a reload or a network drop the page reconnects and offers again, and the
// audio resumes without a new call (api.md section 8).

import { api } from '../js/api.js';
import { LiveSocket } from '../js/socket.js';
import { AudioPeer, iceServers } from '../js/rtc.js';

const $ = id => document.getElementById(id);
const FINAL = ['ended', 'missed', 'failed'];
const CALL_KEY = 'callcenter.callerCall';
const MEDIA_TEXT = {
    connected: 'Audio connected', connecting: 'Connecting audio…', new: 'Connecting audio…',
    disconnected: 'Audio interrupted…', failed: 'Audio failed', closed: '',
};

let clientToken = null;
let call = null;          // {id, callerToken, status, startedAt, agentName}
let socket = null;
let peer = null;
let ice = [];
let timer = null;

// Read by the browser tests (WebRTC statistics); harmless for everyone else.
window.callcenterDebug = { peer: () => peer, call: () => call };

function setState(state, text) {
    const node = $('call-state');
    node.dataset.state = state;
    node.textContent = text;
    $('in-call-title').textContent = { waiting: 'Calling…', active: 'In call', ended: 'Call ended' }[state] || 'Call';
}

async function clientCredentials() {
    const form = new URLSearchParams({
        grant_type: 'client_credentials', client_id: $('client-id').value.trim(), client_secret: $('client-secret').value,
    });
    const answer = await api('/api/auth/token', { method: 'POST', token: null, body: form });
    return answer.access_token;
}

async function callNow(event) {
    event.preventDefault();
    const button = $('call-now');
    const error = $('call-error');
    button.disabled = true;
    error.hidden = true;
    try {
        clientToken = clientToken || await clientCredentials();
        ice = await iceServers(api, clientToken);
        const created = await api('/api/calls/initiate', {
            method: 'POST', token: clientToken, headers: { 'Idempotency-Key': crypto.randomUUID() },
            body: {
                callerName: $('caller-name').value.trim(), phoneNumber: $('phone-number').value.trim(),
                ivrOption: $('ivr-option').value, queueName: $('queue-name').value,
            },
        });
        call = { id: created.id, callerToken: created.callerToken, status: created.status, startedAt: Date.now() };
        keep();
        showCall(false);
    } catch (e) {
        if (e.status === 401) {
            clientToken = null; // wrong or deleted client: ask again
        }
        error.textContent = e.message;
        error.hidden = false;
    } finally {
        button.disabled = false;
    }
}

/** The call as this tab knows it, for a reload; removed when it ends. */
function keep() {
    sessionStorage.setItem(CALL_KEY, JSON.stringify({
        id: call.id, callerToken: call.callerToken, startedAt: call.startedAt, answeredAt: call.answeredAt,
        ice, // the config endpoint is not the caller's: the servers asked with the client token are kept too
    }));
}

/** @param resumed the tab was reloaded during the call: reconnect to it, the server says where it stands */
function showCall(resumed) {
    $('call-form').hidden = true;
    $('in-call').hidden = false;
    $('call-again').hidden = true;
    $('hang-up').hidden = false;
    $('caller-mute').disabled = true;
    $('caller-mute').textContent = 'Mute';
    $('call-media').textContent = '';
    setState('waiting', resumed ? 'Reconnecting…' : 'Waiting for an agent…');
    clearInterval(timer);
    timer = setInterval(tick, 1000);
    tick();
    newPeer();
    // Asked now, while the click that started the call still counts as a user gesture.
    peer.openMicrophone().catch(e => { $('call-media').textContent = `Microphone unavailable: ${e.message}`; });
    socket = new LiveSocket(() => (call && !FINAL.includes(call.status) ? call.callerToken : null), {
        onEvent,
        // Back on a reloaded call: the server sends call:accepted (or call:ended) right away if it is past waiting.
        onOpen: () => {
            if (call && call.status === 'reconnecting') {
                call.status = 'waiting';
                setState('waiting', 'Waiting for an agent…');
            }
        },
        onState: (state, detail) => {
            $('connection').dataset.state = state;
            $('connection-text').textContent = state === 'connected' ? ''
                : state === 'reconnecting' ? `Reconnecting… ${detail ? `(${detail})` : ''}`.trim()
                : `${state}${detail ? ` (${detail})` : ''}`;
        },
        onRefused: () => {
            finish({ status: 'ended', hangupCause: null });
            return false;
        },
    }).start();
}

/** A fresh WebRTC peer for the call (the old one, if any, is closed). */
function newPeer() {
    if (peer) {
        peer.close();
    }
    peer = new AudioPeer({
        callId: call.id, iceServers: ice, remoteAudio: $('remote-audio'),
        signal: (event, data) => socket && socket.send(event, data),
        onState: state => { $('call-media').textContent = MEDIA_TEXT[state] || state; },
    });
    return peer;
}

/** Offers the audio again from a fresh peer: after a reload, a drop that broke it, or webrtc:restart. */
function renegotiate() {
    $('call-media').textContent = 'Reconnecting audio…';
    const muted = peer && peer.muted;
    newPeer().call().then(() => muted && peer.setMuted(true));
}

function tick() {
    if (call) {
        const from = call.answeredAt || call.startedAt;
        const s = Math.floor((Date.now() - from) / 1000);
        $('call-timer').textContent = `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
    }
}

/** "You are number 3, about 2 minutes": where the caller stands (api.md section 7). */
export function positionText(position, seconds) {
    const place = `You are number ${position}`;
    if (seconds === null || seconds === undefined) {
        return `${place}.`;
    }
    const minutes = Math.round(seconds / 60);
    const wait = seconds < 60 ? 'less than a minute' : minutes === 1 ? 'about 1 minute' : `about ${minutes} minutes`;
    return `${place}, ${wait}.`;
}

function onEvent(event, data) {
    if (!call) {
        return;
    }
    switch (event) {
        case 'call:accepted':
            if (data.id !== call.id) {
                break;
            }
            if (call.status !== 'active') { // answered now, or handed back after this tab was reloaded
                call.status = 'active';
                call.answeredAt = call.answeredAt || (data.answeredAt ? Date.parse(data.answeredAt) : Date.now());
                call.agentName = data.agent ? data.agent.displayName : 'an agent';
                keep();
                setState('active', `Talking to ${call.agentName}`);
                $('caller-mute').disabled = false;
                peer.call();
            } else if (['failed', 'closed', 'disconnected'].includes(peer.connectionState)) {
                renegotiate(); // the socket came back after a drop that broke the audio
            }
            break;
        case 'call:ended':
            if (data.callId === call.id) {
                finish(data);
            }
            break;
        case 'queue:position':
            if (data.callId === call.id && call.status === 'waiting') {
                setState('waiting', positionText(data.position, data.estimatedWaitSeconds));
            }
            break;
        case 'webrtc:offer': // the agent's page was reloaded: answered by a fresh peer
        case 'webrtc:answer':
        case 'webrtc:ice':
            if (data.callId === call.id && peer) {
                (event === 'webrtc:offer' && peer.negotiated ? newPeer() : peer).handle(event, data);
            }
            break;
        case 'webrtc:restart':
            if (data.callId === call.id && call.status === 'active') {
                renegotiate();
            }
            break;
        case 'error':
            $('call-media').textContent = data.message || data.code;
            break;
        default:
    }
}

async function hangUp() {
    if (!call || FINAL.includes(call.status)) {
        return;
    }
    try {
        const ended = await api(`/api/calls/${call.id}/end`, { method: 'POST', token: call.callerToken });
        finish({ status: ended.status, hangupCause: ended.hangupCause });
    } catch (e) {
        if (e.status === 409) {
            finish({ status: 'ended', hangupCause: null });
        } else {
            $('call-media').textContent = e.message;
        }
    }
}

function finish(ended) {
    if (!call || FINAL.includes(call.status)) {
        return;
    }
    call.status = ended.status;
    sessionStorage.removeItem(CALL_KEY);
    clearInterval(timer);
    if (peer) {
        peer.close();
        peer = null;
    }
    if (socket) {
        socket.stop();
        socket = null;
    }
    const why = {
        ended_by_agent: 'The agent hung up.', ended_by_caller: 'You hung up.', ring_timeout: 'Nobody answered in time.',
        agent_disconnected: 'The agent was disconnected.',
    }[ended.hangupCause] || '';
    setState('ended', ended.status === 'missed' ? `Nobody answered. ${why}` : `Call ended. ${why}`.trim());
    $('call-media').textContent = '';
    $('connection-text').textContent = '';
    $('caller-mute').disabled = true;
    $('hang-up').hidden = true;
    $('call-again').hidden = false;
}

async function toggleMute() {
    if (peer) {
        await peer.setMuted(!peer.muted);
        $('caller-mute').textContent = peer.muted ? 'Unmute' : 'Mute';
        $('caller-mute').setAttribute('aria-pressed', String(peer.muted));
    }
}

/** A call this tab had before it was reloaded: reconnect to it rather than show the form. */
function resume() {
    let kept = null;
    try {
        kept = JSON.parse(sessionStorage.getItem(CALL_KEY));
    } catch (e) {
        kept = null;
    }
    if (kept && kept.id && kept.callerToken) {
        ice = kept.ice || [];
        call = { id: kept.id, callerToken: kept.callerToken, startedAt: kept.startedAt, answeredAt: kept.answeredAt,
            status: 'reconnecting' };
        showCall(true);
    }
}

$('call-form').addEventListener('submit', callNow);
$('hang-up').addEventListener('click', hangUp);
$('caller-mute').addEventListener('click', toggleMute);
$('call-again').addEventListener('click', () => {
    call = null;
    $('in-call').hidden = true;
    $('call-form').hidden = false;
});
resume();
