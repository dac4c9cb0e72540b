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
    $('updated').textContent = `Updated ${new Date().toLocaleTimeString()}`;
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
    new LiveSocket(() => session.token(), {
        onOpen: refresh,
        onEvent: (event, data) => {
            if (event === 'stats:updated') {
                show(data);
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
