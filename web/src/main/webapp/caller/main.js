// The caller page (/call): the mobile app's flow in a browser. Client credentials → POST /api/calls/initiate →
// the callerToken opens /ws for this call only → when an agent accepts, this side offers WebRTC audio.

import { api } from '../js/api.js';
import { LiveSocket } from '../js/socket.js';
import { AudioPeer, iceServers } from '../js/rtc.js';

const $ = id => document.getElementById(id);
const FINAL = ['ended', 'missed', 'failed'];

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
        showCall();
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

function showCall() {
    $('call-form').hidden = true;
    $('in-call').hidden = false;
    $('call-again').hidden = true;
    $('hang-up').hidden = false;
    $('caller-mute').disabled = true;
    $('caller-mute').textContent = 'Mute';
    $('call-media').textContent = '';
    setState('waiting', 'Waiting for an agent…');
    clearInterval(timer);
    timer = setInterval(tick, 1000);
    tick();
    peer = new AudioPeer({
        callId: call.id, iceServers: ice, remoteAudio: $('remote-audio'),
        signal: (event, data) => socket && socket.send(event, data),
        onState: state => {
            $('call-media').textContent = {
                connected: 'Audio connected', connecting: 'Connecting audio…', new: 'Connecting audio…',
                disconnected: 'Audio interrupted…', failed: 'Audio failed', closed: '',
            }[state] || state;
        },
    });
    // Asked now, while the click that started the call still counts as a user gesture.
    peer.openMicrophone().catch(e => { $('call-media').textContent = `Microphone unavailable: ${e.message}`; });
    socket = new LiveSocket(() => (call && !FINAL.includes(call.status) ? call.callerToken : null), {
        onEvent,
        onState: (state, detail) => {
            $('connection').dataset.state = state;
            $('connection-text').textContent = state === 'connected' ? '' : `${state}${detail ? ` (${detail})` : ''}`;
        },
        onRefused: () => {
            finish({ status: 'ended', hangupCause: null });
            return false;
        },
    }).start();
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
            if (data.id === call.id && call.status !== 'active') {
                call.status = 'active';
                call.answeredAt = Date.now();
                call.agentName = data.agent ? data.agent.displayName : 'an agent';
                setState('active', `Talking to ${call.agentName}`);
                $('caller-mute').disabled = false;
                peer.call();
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
        case 'webrtc:offer':
        case 'webrtc:answer':
        case 'webrtc:ice':
            if (data.callId === call.id && peer) {
                peer.handle(event, data);
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

$('call-form').addEventListener('submit', callNow);
$('hang-up').addEventListener('click', hangUp);
$('caller-mute').addEventListener('click', toggleMute);
$('call-again').addEventListener('click', () => {
    call = null;
    $('in-call').hidden = true;
    $('call-form').hidden = false;
});
