// The agent's calls (control): answering or declining a waiting call, the active call and its end, and the
// wrap-up after it. Exactly one agent wins an answer: the server decides, a loser gets 409 and the card goes.

import { api, ApiError } from '../js/api.js';
import * as model from './state.js';
import { send } from './connection.js';
import { checkAudio, endMedia, startCallAudio } from './media.js';
import { loadHistory } from './history.js';
import { toast } from './views.js';

const { state } = model;
const $ = id => document.getElementById(id);
const FINAL = ['ended', 'missed', 'failed'];

export async function answer(callId) {
    if (state.active) {
        return;
    }
    try {
        becomeActive(await api(`/api/calls/${callId}/accept`, { method: 'POST' }));
    } catch (e) {
        if (e instanceof ApiError && e.status === 409) {
            model.removeWaiting(callId);
            toast(e.type.endsWith('/call-already-taken') ? 'Another agent already took this call.' : e.message);
        } else {
            toast(e.message);
        }
    }
    model.changed();
}

/** Hides the card here only; the call stays offered to the other agents. */
export function decline(callId) {
    send('call:decline', { callId });
    state.declined.add(callId);
    model.changed();
}

/** The active call's id, kept for the tab: after a reload the handed-back call is renegotiated from here. */
const ACTIVE_KEY = 'callcenter.activeCall';

/**
 * This agent's call: from its own answer, or handed back by the server after a reconnect (`handedBack`). A call this
 * tab had before it was reloaded gets its audio renegotiated with a new offer; one still shown after a socket
 * reconnect is renegotiated only when its audio did not survive.
 */
export function becomeActive(call, handedBack) {
    model.removeWaiting(call.id);
    const fresh = !state.active || state.active.id !== call.id;
    state.active = call;
    state.wrapup = null;
    if (fresh) {
        const resumed = handedBack && sessionStorage.getItem(ACTIVE_KEY) === call.id;
        sessionStorage.setItem(ACTIVE_KEY, call.id);
        loadHistory(false);
        startCallAudio(call, resumed);
    } else if (handedBack) {
        checkAudio();
    }
}

export async function endCall() {
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
            toast(e.message);
        }
    }
    model.changed();
}

/** @param ended a call:ended event, or the same fields read from an answer */
export function callEnded(ended) {
    model.removeWaiting(ended.callId);
    if (state.active && state.active.id === ended.callId) {
        const call = state.active;
        state.wrapup = { ...call, status: ended.status, durationSeconds: ended.durationSeconds, hangupCause: ended.hangupCause };
        state.active = null;
        sessionStorage.removeItem(ACTIVE_KEY);
        state.muted = false;
        endMedia();
        loadHistory(false);
        toast(`Call with ${call.callerName || call.phoneNumber || 'the caller'} ended`);
    }
}

/**
 * After a reconnect: the server hands back the agent's active call right after the snapshot; a call shown as active
 * here that ended while the socket was down is looked up once and closed.
 */
export async function checkActiveStillLive() {
    const call = state.active;
    if (!call) {
        return;
    }
    try {
        const now = await api(`/api/calls/${call.id}`);
        if (FINAL.includes(now.status) && state.active && state.active.id === call.id) {
            callEnded({ callId: call.id, status: now.status, durationSeconds: now.durationSeconds, hangupCause: now.hangupCause });
            model.changed();
        }
    } catch (e) {
        // The next event or reconnect tries again.
    }
}

export async function saveWrapup(event) {
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
        toast('Wrap-up saved.');
        loadHistory(false);
    } catch (e) {
        error.textContent = e.message;
        error.hidden = false;
    }
    model.changed();
}

export function skipWrapup() {
    state.wrapup = null;
    model.changed();
}
