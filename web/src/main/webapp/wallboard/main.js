// The supervisor wallboard: GET /api/stats once per connection, then every stats:updated push.

import { api, whenUnauthorized } from '../js/api.js';
import { session, isSupervisor } from '../js/session.js';
import { LiveSocket } from '../js/socket.js';
import { keepTokenFresh } from '../js/refresh.js';

const $ = id => document.getElementById(id);
const TEXT = { connecting: 'Connecting…', connected: 'Connected', reconnecting: 'Reconnecting…', disconnected: 'Disconnected' };

function duration(seconds) {
    if (seconds === null || seconds === undefined) {
        return '–';
    }
    const s = Math.round(seconds);
    return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

export function show(stats) {
    $('waiting').textContent = stats.waiting;
    $('waiting').closest('.tile').dataset.alert = String(stats.waiting > 0);
    $('active').textContent = stats.active;
    $('longest').textContent = stats.waiting ? duration(stats.longestWaitSeconds) : '–';
    $('answered').textContent = stats.today.answered;
    $('missed').textContent = stats.today.missed;
    $('average').textContent = stats.today.averageAnswerSeconds === null ? '–' : duration(stats.today.averageAnswerSeconds);
    $('level').textContent = stats.today.serviceLevel === null ? '–' : `${Math.round(stats.today.serviceLevel * 100)} %`;
    for (const status of ['available', 'busy', 'away', 'offline']) {
        $(`agents-${status}`).textContent = stats.agents[status];
    }
    showQueues(stats.queues || []);
    $('updated').textContent = `Updated ${new Date().toLocaleTimeString()}`;
}

function percent(level) {
    return level === null || level === undefined ? '–' : `${Math.round(level * 100)} %`;
}

/** One row per queue (api.md section 7): waiting, longest wait, members, today's answered/missed/service level. */
export function showQueues(queues) {
    const body = document.querySelector('#queues tbody');
    body.replaceChildren(...queues.map(q => {
        const row = document.createElement('tr');
        row.dataset.queue = q.name;
        const cells = [q.name, q.waiting, q.waiting ? duration(q.longestWaitSeconds) : '–', q.available, q.busy,
            q.today.answered, q.today.missed, percent(q.today.serviceLevel)];
        cells.forEach((value, i) => {
            const cell = document.createElement(i === 0 ? 'th' : 'td');
            if (i === 0) {
                cell.scope = 'row';
            }
            cell.textContent = String(value);
            row.append(cell);
        });
        return row;
    }));
}

const SVG = 'http://www.w3.org/2000/svg';

function svg(name, attributes) {
    const node = document.createElementNS(SVG, name);
    Object.entries(attributes).forEach(([key, value]) => node.setAttribute(key, String(value)));
    return node;
}

/** Bars of offered and answered calls per minute and a service-level line, drawn as plain SVG (no library). */
export function drawChart(history) {
    const chart = $('chart');
    const width = 600;
    const height = 160;
    const top = Math.max(1, ...history.map(m => Math.max(m.offered, m.answered)));
    const step = width / Math.max(1, history.length);
    const nodes = [];
    history.forEach((m, i) => {
        const x = i * step;
        const offered = (m.offered / top) * (height - 10);
        const answered = (m.answered / top) * (height - 10);
        nodes.push(svg('rect', { x, y: height - offered, width: Math.max(1, step * 0.45), height: offered, fill: '#b0b7c3', 'data-minute': m.minute, class: 'offered' }));
        nodes.push(svg('rect', { x: x + step * 0.5, y: height - answered, width: Math.max(1, step * 0.45), height: answered, fill: '#2e9e5b', class: 'answered' }));
    });
    const points = history.map((m, i) => (m.serviceLevel === null ? null : `${i * step + step / 2},${height - m.serviceLevel * (height - 10)}`))
        .filter(Boolean);
    if (points.length > 1) {
        nodes.push(svg('polyline', { points: points.join(' '), fill: 'none', stroke: '#1f5fbf', 'stroke-width': 2, class: 'service-level' }));
    }
    chart.replaceChildren(...nodes);
    chart.dataset.minutes = String(history.length);
}

let chartAt = 0;

async function refreshChart() {
    chartAt = Date.now();
    try {
        drawChart(await api('/api/stats/history?minutes=60'));
    } catch (e) {
        $('message').textContent = e.message;
        $('message').hidden = false;
    }
}

async function refresh() {
    try {
        show(await api('/api/stats'));
    } catch (e) {
        $('message').textContent = e.message;
        $('message').hidden = false;
    }
}

function start() {
    const user = session.user();
    if (!user) {
        location.replace('/?return=/wallboard.html');
        return;
    }
    whenUnauthorized(() => {
        session.clear();
        location.replace('/?return=/wallboard.html');
    });
    $('me-name').textContent = user.displayName;
    $('logout').addEventListener('click', () => {
        session.clear();
        location.replace('/');
    });
    if (!isSupervisor(user)) {
        $('message').textContent = 'The wallboard is for supervisors and admins.';
        $('message').hidden = false;
        return;
    }
    keepTokenFresh();
    refreshChart();
    setInterval(refreshChart, 30000);
    new LiveSocket(() => session.token(), {
        onOpen: refresh,
        onEvent: (event, data) => {
            if (event === 'stats:updated') {
                show(data);
                if (Date.now() - chartAt > 10000) {
                    refreshChart();
                }
            }
        },
        onState: (state, detail) => {
            $('connection').dataset.state = state;
            $('connection-text').textContent = TEXT[state] + (detail && state !== 'connected' ? ` (${detail})` : '');
        },
        onRefused: () => {
            api('/api/stats').catch(() => {});
            return true;
        },
    }).start();
}

start();
