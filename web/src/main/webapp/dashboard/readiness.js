// Whether this page can take a call now (control, api.md section 8): microphone permission and audio unlocked by a
// user gesture (else the ring is silent). Reported as agent:ready after every registration and whenever either
// changes; the server keeps an agent that cannot take a call away, with the reason, and offers it nothing. The
// banner says why and fixes it in one click; it also tells an agent set away as unresponsive how to come back.

import { send } from './connection.js';
import { state, changed } from './state.js';
import { audioUnlocked, unlockAudio, whenAudioChanges } from './media.js';

const $ = id => document.getElementById(id);
let watching = false;
let opened = null;   // whether getUserMedia gave this page a microphone: null until tried
let asked = false;   // tried once by itself at sign-in; after that only the agent's click asks again

/** The permission as the browser tells it: granted, denied or prompt (prompt when it cannot tell). */
async function permission() {
    try {
        const status = await navigator.permissions.query({ name: 'microphone' });
        if (!watching) {
            watching = true;
            status.onchange = () => report();
        }
        return status.state;
    } catch (e) {
        return 'prompt';
    }
}

/** Opens the microphone and closes it again: proof that a call could use it (or the browser's prompt). */
async function tryMicrophone() {
    try {
        const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
        stream.getTracks().forEach(t => t.stop());
        opened = true;
    } catch (e) {
        opened = false;
    }
}

/**
 * What agent:ready says about the microphone: what the browser says when it knows (granted, or denied: blocked for
 * this site). Not decided yet (prompt): asked once by itself, which shows the browser's prompt at sign-in; a
 * microphone that opens is as good as granted.
 */
async function microphoneState() {
    const told = await permission();
    const first = !asked;
    asked = true; // only the first check asks by itself; later the agent's click does
    if (told !== 'prompt') {
        return told === 'granted' ? 'granted' : 'denied';
    }
    if (opened === null && first) {
        await tryMicrophone();
    }
    return opened ? 'granted' : 'prompt';
}

/** Checks both and tells the server; called after every registration. */
export async function report() {
    const microphone = await microphoneState();
    send('agent:ready', { microphone, audio: await audioUnlocked() });
}

/** "Allow microphone": asking for it is what makes the browser show its prompt. */
async function allowMicrophone() {
    await tryMicrophone();
    state.readyHint = opened ? '' : 'The browser blocks the microphone for this site: allow it in the site settings'
        + ' (the icon left of the address), then click again.';
    await report();
    changed();
}

async function enableSound() {
    await unlockAudio();
    await report();
}

const TEXT = {
    microphone: ['You are away: this page may not use the microphone, so you cannot take calls.', 'Allow microphone'],
    audio: ['You are away: the browser keeps sound off, so you would not hear calls ring.', 'Click to enable sound'],
    unresponsive: ['You were set away: two calls in a row rang out unanswered.', 'I\'m back: set me available'],
};

export function renderReadiness() {
    const banner = $('ready-banner');
    const me = state.user && state.agents.get(state.user.id);
    const reason = me && me.status === 'away' ? me.reason : null;
    banner.hidden = !TEXT[reason];
    if (TEXT[reason]) {
        banner.dataset.reason = reason;
        $('ready-text').textContent = TEXT[reason][0];
        $('ready-fix').textContent = TEXT[reason][1];
        $('ready-hint').textContent = reason === 'microphone' ? state.readyHint || '' : '';
    }
}

export function startReadiness() {
    $('ready-fix').addEventListener('click', () => {
        const reason = $('ready-banner').dataset.reason;
        if (reason === 'microphone') {
            allowMicrophone();
        } else if (reason === 'audio') {
            enableSound();
        } else {
            send('agent:status', { status: 'available' });
        }
    });
    whenAudioChanges(() => report());
}
