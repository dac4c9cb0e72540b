// Signing in and out (control). The token lives in this tab's sessionStorage (js/session.js); any 401 on the
// session's own token ends the session and brings the sign-in form back.

import { api, whenUnauthorized } from '../js/api.js';
import { session, isSupervisor } from '../js/session.js';
import { keepTokenFresh, stopRefreshing } from '../js/refresh.js';
import { state, changed } from './state.js';
import { connect, disconnect } from './connection.js';
import { onEvent } from './events.js';
import { endMedia, loadIceServers, setRinging } from './media.js';
import { loadHistory } from './history.js';
import { report } from './readiness.js';

const $ = id => document.getElementById(id);
const ROLES_THAT_TAKE_CALLS = ['agent', 'supervisor', 'admin'];

export function showLogin(message) {
    $('app-view').hidden = true;
    $('login-view').hidden = false;
    const error = $('login-error');
    error.textContent = message || '';
    error.hidden = !message;
    $('login-username').focus();
}

export async function login(event) {
    event.preventDefault();
    const button = event.submitter || $('login-form').querySelector('button');
    button.disabled = true;
    try {
        const answer = await api('/api/auth/login', {
            method: 'POST', token: null,
            body: { username: $('login-username').value.trim(), password: $('login-password').value },
        });
        if (!ROLES_THAT_TAKE_CALLS.includes(answer.user.role)) {
            throw new Error('This account cannot take calls.');
        }
        session.save(answer);
        $('login-password').value = '';
        // The wallboard sends a signed-out supervisor here and asks to be sent back.
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

export function logout(message) {
    stopRefreshing();
    disconnect();
    endMedia();
    session.clear();
    setRinging(false);
    state.active = null;
    state.wrapup = null;
    state.waiting.clear();
    showLogin(message);
}

whenUnauthorized(() => logout('Your session has ended. Please sign in again.'));

/** The dashboard of the signed-in agent: connects, and fills the history while the snapshot arrives. */
export function showApp() {
    state.user = session.user();
    $('login-view').hidden = true;
    $('app-view').hidden = false;
    $('me-name').textContent = `${state.user.displayName} · ext. ${state.user.extension || '—'}`;
    $('wallboard-link').hidden = !isSupervisor(state.user);
    $('queues-link').hidden = !(state.user && state.user.role === 'admin');
    keepTokenFresh();
    loadIceServers();
    connect(onEvent, report);
    loadHistory(false);
    changed();
}
