// The agent dashboard's entry point: wires the page's controls and keys to the modules that do the work, and
// redraws the page after every change. Jobs: login.js (session), connection.js (the live socket), events.js (what
// the server pushes), calls.js (answer, end, wrap-up), media.js (audio, mute, keypad, ring), history.js.

import { session } from '../js/session.js';
import * as model from './state.js';
import * as view from './views.js';
import { retryNow, send } from './connection.js';
import { answer, decline, endCall, saveWrapup, skipWrapup } from './calls.js';
import { currentPeer, dtmfMode, keypad, setRinging, toggleMute } from './media.js';
import { loadHistory } from './history.js';
import { login, logout, showApp, showLogin } from './login.js';
import { renderReadiness, startReadiness } from './readiness.js';
import { startQuality } from './quality.js';

const { state } = model;
const $ = id => document.getElementById(id);

// Read by the browser tests (WebRTC statistics, connection state); harmless for everyone else.
window.callcenterDebug = { peer: currentPeer, state };

function render() {
    view.renderConnection(state.connectionDetail);
    view.renderStatus();
    view.renderIncoming({ answer, decline });
    view.renderActive(dtmfMode(state.active));
    view.renderWrapup();
    view.renderAgents();
    renderReadiness();
    setRinging(model.visibleWaiting().length > 0 && !state.active && state.myStatus !== 'away');
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
    model.whenChanged(render);
    $('login-form').addEventListener('submit', login);
    $('logout').addEventListener('click', () => logout());
    $('retry').addEventListener('click', retryNow);
    $('status-select').addEventListener('change', e => {
        if (!send('agent:status', { status: e.target.value })) {
            view.toast('Not connected: your status will be set when the connection is back.');
        }
    });
    $('mute').addEventListener('click', toggleMute);
    $('end').addEventListener('click', endCall);
    $('wrapup').addEventListener('submit', saveWrapup);
    $('wrapup-skip').addEventListener('click', skipWrapup);
    $('history-more').addEventListener('click', () => loadHistory(true));
    $('keypad').replaceChildren(...keypad());
    startReadiness();
    startQuality(currentPeer);
    document.addEventListener('keydown', shortcut);
    setInterval(view.tickTimers, 1000);
    if (session.get()) {
        showApp();
    } else {
        showLogin();
    }
}

start();
