// The call's audio (control): the WebRTC peer of an app call (the caller page offers, this side answers), the
// microphone, mute, the DTMF keypad and the ring tone of waiting calls. The audio of carrier calls runs in the
// carrier's own WebRTC client, not here.

import { api } from '../js/api.js';
import { RingTone } from '../js/ring.js';
import { AudioPeer, iceServers } from '../js/rtc.js';
import { send } from './connection.js';
import { state, changed } from './state.js';
import { el, toast } from './views.js';

const $ = id => document.getElementById(id);
const DTMF_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];
const MEDIA_TEXT = {
    connected: 'Audio connected', connecting: 'Connecting audio…', new: 'Connecting audio…',
    disconnected: 'Audio interrupted, reconnecting…', failed: 'Audio failed', closed: '',
};

let peer = null;
let ice = [];
let onAudioChange = () => {};
const ring = new RingTone(blocked => {
    $('audio-note').hidden = !blocked;
    onAudioChange();
});

/**
 * Whether sound can play now: the ring's audio context runs. A suspended one is asked to resume, which a browser
 * allows without a gesture only when its autoplay policy does; the answer is not waited for longer than 500 ms.
 */
export async function audioUnlocked() {
    const ctx = ring.ensureContext();
    if (!ctx) {
        return false;
    }
    if (ctx.state !== 'running') {
        await Promise.race([ctx.resume().catch(() => {}), new Promise(resolve => setTimeout(resolve, 500))]);
    }
    const running = ctx.state === 'running';
    if (!running) {
        ring.setBlocked(true); // so that the click that unlocks it is reported as a change
    }
    return running;
}

/** The "Click to enable sound" button: its click is the gesture that unlocks audio. */
export function unlockAudio() {
    const ctx = ring.ensureContext();
    return ctx ? ctx.resume().then(() => ring.setBlocked(false)).catch(() => {}) : Promise.resolve();
}

/** @param handler called when audio becomes blocked or unlocked */
export function whenAudioChanges(handler) {
    onAudioChange = handler;
}

/** The peer of the active app call, if any (the browser tests read its statistics). */
export function currentPeer() {
    return peer;
}

/** STUN/TURN servers for this session's peers (CALLCENTER_ICE_SERVERS); none are needed on one machine. */
export function loadIceServers() {
    iceServers(api).then(list => { ice = list; });
}

/** Rings while `on` is true; idempotent. */
export function setRinging(on) {
    ring.set(on);
}

/**
 * A call just became this agent's: app calls open the microphone and wait for the caller's offer. A call handed back
 * after this tab was reloaded (`resumed`) is renegotiated from here with a new offer: the caller already offered once.
 */
export function startCallAudio(call, resumed) {
    state.muted = false;
    endMedia();
    if (call.channel === 'app') {
        state.media = resumed ? 'Reconnecting audio…' : 'Waiting for the caller\'s audio…';
        const fresh = ensurePeer();
        (resumed ? fresh.call() : fresh.openMicrophone()).catch(e => {
            state.media = `Microphone unavailable: ${e.message}`;
            changed();
        });
    } else {
        state.media = 'The audio of carrier calls runs through the carrier\'s WebRTC client.';
    }
}

/**
 * webrtc:offer, webrtc:answer, webrtc:ice, webrtc:restart: only those of the active call. A new offer on a peer that
 * already negotiated (the caller reloaded) is answered by a fresh peer; webrtc:restart asks this side to offer anew.
 */
export function signalled(event, data) {
    if (!state.active || state.active.id !== data.callId || state.active.channel !== 'app') {
        return;
    }
    if (event === 'webrtc:restart') {
        renegotiate();
    } else {
        if (event === 'webrtc:offer' && peer && peer.negotiated) {
            endMedia();
        }
        ensurePeer().handle(event, data);
    }
}

/** Starts the audio of the active app call again with a fresh peer and a new offer. */
export function renegotiate() {
    if (state.active && state.active.channel === 'app') {
        endMedia();
        state.media = 'Reconnecting audio…';
        ensurePeer().call();
    }
}

/**
 * After the socket came back: audio that did not survive the drop is renegotiated. The caller offers (its page does
 * the same after its own reconnect), so that the two pages never both offer at once.
 */
export function checkAudio() {
    if (peer && ['failed', 'closed', 'disconnected'].includes(peer.connectionState)) {
        state.media = 'Reconnecting audio…';
        send('webrtc:restart', { callId: peer.callId });
    }
}

function ensurePeer() {
    if (!peer || peer.callId !== state.active.id) {
        endMedia();
        peer = new AudioPeer({
            callId: state.active.id,
            iceServers: ice,
            signal: send,
            remoteAudio: $('remote-audio'),
            onState: connection => {
                state.media = MEDIA_TEXT[connection] || connection;
                changed();
            },
        });
        if (state.muted) {
            peer.setMuted(true);
        }
    }
    return peer;
}

export function endMedia() {
    if (peer) {
        peer.close();
        peer = null;
    }
    state.media = '';
}

export async function toggleMute() {
    if (!state.active) {
        return;
    }
    state.muted = !state.muted;
    if (peer) {
        await peer.setMuted(state.muted);
    }
    changed();
}

/** How the keypad sends digits for this call: the carrier's command, in-band over WebRTC, or not at all. */
export function dtmfMode(call) {
    if (!call) {
        return null;
    }
    if (call.channel === 'telnyx' && call.provider && call.provider.callControlId) {
        return 'provider';
    }
    return call.channel === 'app' ? 'inband' : null;
}

/** The keypad's buttons, one per digit. */
export function keypad() {
    return DTMF_KEYS.map(key => el('button', {
        type: 'button', 'aria-label': `Send digit ${key}`, onclick: () => sendDigit(key) }, key));
}

async function sendDigit(digit) {
    const call = state.active;
    const mode = dtmfMode(call);
    try {
        if (mode === 'provider') {
            await api(`/api/voice/calls/${encodeURIComponent(call.provider.callControlId)}/dtmf`,
                { method: 'POST', body: { digits: digit } });
        } else if (mode === 'inband' && !(peer && peer.sendDtmf(digit))) {
            toast('Digits can be sent once the audio is connected and not muted.');
        }
    } catch (e) {
        toast(e.message);
    }
}
