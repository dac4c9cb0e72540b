// The dashboard's views (boundary): render the state into the page. No fetches, no decisions.

import { state, visibleWaiting } from './state.js';

const $ = id => document.getElementById(id);

const CONNECTION_TEXT = {
    connecting: 'Connecting…',
    connected: 'Connected',
    reconnecting: 'Reconnecting…',
    disconnected: 'Disconnected',
};

const STATUS_TEXT = { available: 'Available', busy: 'Busy', away: 'Away', offline: 'Offline' };
/** Why the server set an agent away (api.md section 8). */
const REASON_TEXT = { microphone: 'no microphone', audio: 'sound off', unresponsive: 'unresponsive' };

export function el(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        if (name === 'class') {
            node.className = value;
        } else if (name.startsWith('on')) {
            node.addEventListener(name.slice(2), value);
        } else if (value !== undefined && value !== null && value !== false) {
            node.setAttribute(name, value === true ? '' : value);
        }
    }
    for (const child of children.flat()) {
        if (child !== null && child !== undefined) {
            node.append(child instanceof Node ? child : document.createTextNode(String(child)));
        }
    }
    return node;
}

export function seconds(total) {
    const s = Math.max(0, Math.floor(total));
    const h = Math.floor(s / 3600);
    const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
    const ss = String(s % 60).padStart(2, '0');
    return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function since(iso) {
    return (Date.now() - Date.parse(iso)) / 1000;
}

export function time(iso) {
    if (!iso) {
        return '';
    }
    const d = new Date(iso);
    const today = new Date().toDateString() === d.toDateString();
    return today ? d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })
        : d.toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });
}

export function renderConnection(detail) {
    const box = $('connection');
    box.dataset.state = state.connection;
    $('connection-text').textContent = CONNECTION_TEXT[state.connection]
        + (detail && state.connection !== 'connected' ? ` (${detail})` : '');
    $('retry').hidden = state.connection !== 'disconnected';
}

export function renderStatus() {
    const select = $('status-select');
    const busy = state.myStatus === 'busy' || !!state.active;
    select.querySelector('option[value=busy]').hidden = !busy;
    select.value = busy ? 'busy' : (state.myStatus === 'away' ? 'away' : 'available');
    select.disabled = busy || state.connection !== 'connected';
}

/** @param actions {answer(callId), decline(callId)} */
export function renderIncoming(actions) {
    const cards = visibleWaiting();
    $('incoming-count').textContent = String(cards.length);
    $('incoming-count').dataset.count = String(cards.length);
    $('incoming-empty').hidden = cards.length > 0;
    const list = $('incoming-list');
    const onCall = !!state.active;
    list.replaceChildren(...cards.map(c => el('li', { class: 'card incoming', 'data-call-id': c.callId },
        el('div', { class: 'caller' },
            el('div', { class: 'caller-name' }, c.callerName || 'Unknown caller'),
            el('div', { class: 'muted' }, c.phoneNumber || ''),
            el('dl', { class: 'facts' },
                el('dt', {}, 'IVR option'), el('dd', {}, c.ivrOption || '—'),
                el('dt', {}, 'Queue'), el('dd', { class: 'queue' }, queueLabel(c) || '—'),
                el('dt', {}, 'Priority'), el('dd', { class: 'priority' }, c.priority === undefined ? '—' : String(c.priority)),
                el('dt', {}, 'Waiting'), el('dd', { class: 'waited', 'data-since': c.timestamp }, seconds(since(c.timestamp))))),
        el('div', { class: 'actions' },
            el('button', { type: 'button', class: 'primary', disabled: onCall, 'aria-keyshortcuts': 'A',
                'aria-label': `Answer call from ${c.callerName || c.phoneNumber || 'unknown caller'}`,
                onclick: () => actions.answer(c.callId) }, 'Answer'),
            el('button', { type: 'button',
                'aria-label': `Decline call from ${c.callerName || c.phoneNumber || 'unknown caller'}`,
                onclick: () => actions.decline(c.callId) }, 'Decline')))));
}

/**
 * The queue that routed the call, and the queueName the caller asked for when no queue has that name (the call is
 * then routed by the default queue, api.md section 7): the agent still learns what the caller chose.
 */
function queueLabel(call) {
    const queue = call.queue || call.queueName;
    return call.queueName && queue !== call.queueName ? `${queue} (asked for ${call.queueName})` : queue;
}

export function tickTimers() {
    document.querySelectorAll('.waited').forEach(node => {
        node.textContent = seconds(since(node.dataset.since));
    });
    if (state.active) {
        $('active-timer').textContent = seconds(since(state.active.answeredAt || state.active.createdAt));
    }
}

/** @param dtmf 'provider' | 'inband' | null: how the keypad sends digits, or no keypad */
export function renderActive(dtmf) {
    const call = state.active;
    $('active-call').hidden = !call;
    if (!call) {
        return;
    }
    $('active-caller').textContent = call.callerName || 'Unknown caller';
    $('active-number').textContent = call.phoneNumber || '';
    const queue = queueLabel(call);
    $('active-meta').textContent = [call.ivrOption && `IVR: ${call.ivrOption}`, queue && `Queue: ${queue}`,
        call.channel && `via ${call.channel}`].filter(Boolean).join(' · ');
    const mute = $('mute');
    mute.textContent = state.muted ? 'Unmute' : 'Mute';
    mute.setAttribute('aria-pressed', String(state.muted));
    $('active-media').textContent = state.media;
    const quality = $('active-quality');
    quality.hidden = !state.quality;
    if (state.quality) {
        quality.textContent = state.quality.text;
        quality.dataset.degraded = String(state.quality.degraded);
    }
    $('keypad').hidden = !dtmf;
    $('keypad-note').textContent = dtmf === 'provider' ? 'Digits are sent to the carrier.'
        : dtmf === 'inband' ? 'Digits are sent in the audio stream (RFC 4733).' : '';
    tickTimers();
}

export function renderWrapup() {
    const call = state.wrapup;
    $('wrapup').hidden = !call;
    if (call) {
        $('wrapup-summary').textContent = `${call.callerName || 'Caller'} ${call.phoneNumber || ''} · `
            + `${seconds(call.durationSeconds || 0)}${call.hangupCause ? ' · ' + call.hangupCause.replaceAll('_', ' ') : ''}`;
    }
}

export function renderAgents() {
    const list = [...state.agents.values()].sort((a, b) =>
        (a.status === 'offline') - (b.status === 'offline') || String(a.agentName).localeCompare(String(b.agentName)));
    $('agents-list').replaceChildren(...list.map(a => el('li', { 'data-agent-id': a.agentId, 'data-status': a.status },
        el('span', { class: `status-dot ${a.status}`, 'aria-hidden': 'true' }),
        el('span', { class: 'agent-name' }, a.agentName + (state.user && a.agentId === state.user.id ? ' (you)' : '')),
        el('span', { class: 'muted small' }, a.extension ? `ext. ${a.extension}` : ''),
        el('span', { class: `status-label ${a.status}`, 'data-reason': a.reason || '' },
            (STATUS_TEXT[a.status] || a.status) + (a.reason ? ` (${REASON_TEXT[a.reason] || a.reason})` : '')))));
}

export function renderHistory(items, append, nextCursor, onOpen) {
    const body = $('history').tBodies[0];
    const rows = items.map(c => el('tr', { 'data-call-id': c.id },
        el('td', {}, time(c.createdAt)),
        el('td', {}, el('div', {}, c.callerName || '—'), el('div', { class: 'muted small' }, c.phoneNumber || '')),
        el('td', {}, el('span', { class: `pill ${c.status}` }, c.status)),
        el('td', {}, c.durationSeconds ? seconds(c.durationSeconds) : '—'),
        el('td', {}, el('button', { type: 'button', class: 'link', onclick: () => onOpen(c.id),
            'aria-label': `Show timeline of the call from ${c.callerName || c.phoneNumber || 'unknown caller'} at ${time(c.createdAt)}` },
            'Timeline'))));
    if (append) {
        body.append(...rows);
    } else {
        body.replaceChildren(...rows);
    }
    $('history-empty').hidden = body.rows.length > 0;
    $('history-more').hidden = !nextCursor;
}

export function renderTimeline(call) {
    $('timeline-title').textContent = `${call.callerName || 'Call'} ${call.phoneNumber || ''}`;
    $('timeline-summary').textContent = [call.status, call.agent && `agent ${call.agent.displayName}`,
        call.durationSeconds ? seconds(call.durationSeconds) : null, call.hangupCause,
        call.disposition && `wrap-up: ${call.disposition}`].filter(Boolean).join(' · ');
    $('timeline-events').replaceChildren(...(call.events || []).map(e => el('li', {},
        el('time', { datetime: e.at }, time(e.at)), ' ',
        el('strong', {}, e.type.replaceAll('_', ' ')),
        e.data && Object.keys(e.data).length ? el('span', { class: 'muted small' }, ' ' + describe(e.data)) : null)));
    const dialog = $('timeline');
    if (!dialog.open) {
        dialog.showModal();
    }
}

function describe(data) {
    return Object.entries(data).filter(([k]) => k !== 'by').map(([k, v]) =>
        `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`).join(', ');
}

let toastTimer = null;

export function toast(message) {
    const node = $('toast');
    node.textContent = message;
    node.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { node.hidden = true; }, 6000);
}
