// The admin page for queues and memberships (api.md section 7): list, create and delete queues; set each agent's
// queues and skills. Everything goes through the API; errors are shown as the problem's message.

import { api, whenUnauthorized } from '../js/api.js';
import { session } from '../js/session.js';
import { keepTokenFresh } from '../js/refresh.js';

const $ = id => document.getElementById(id);

function el(name, attributes = {}, ...children) {
    const node = document.createElement(name);
    Object.entries(attributes).forEach(([key, value]) => {
        if (key.startsWith('on')) {
            node.addEventListener(key.slice(2), value);
        } else {
            node.setAttribute(key, String(value));
        }
    });
    node.append(...children.map(c => (typeof c === 'string' ? document.createTextNode(c) : c)));
    return node;
}

/** "swahili:5, billing:3" ⇄ {"swahili":5,"billing":3} */
export function parseSkills(text) {
    const skills = {};
    for (const part of text.split(',').map(p => p.trim()).filter(Boolean)) {
        const [name, level] = part.split(':').map(p => p.trim());
        skills[name] = Number(level);
    }
    return skills;
}

export function skillsText(skills) {
    return Object.entries(skills || {}).map(([name, level]) => `${name}:${level}`).join(', ');
}

function fail(e) {
    $('message').textContent = e.message;
    $('message').hidden = false;
}

function ok() {
    $('message').hidden = true;
}

async function load() {
    const [page, users] = await Promise.all([api('/api/queues?limit=500'), api('/api/users?limit=500')]);
    // The list is a page, newest first (api.md section 1); the table is by name.
    const queues = page.items.slice().sort((a, b) => a.name.localeCompare(b.name));
    $('queue-table').querySelector('tbody').replaceChildren(...queues.map(q => el('tr', { 'data-queue': q.name },
        el('th', { scope: 'row' }, q.name), el('td', {}, q.strategy), el('td', {}, skillsText(q.requiredSkills) || '—'),
        el('td', {}, String(q.priority)), el('td', {}, `${q.offerTimeoutSeconds} s`),
        el('td', {}, q.maxWaitSeconds === null ? 'ring timeout' : `${q.maxWaitSeconds} s`),
        el('td', {}, q.overflow ? `${q.overflow.queue} after ${q.overflow.afterSeconds} s` : '—'),
        el('td', {}, q.name === 'general' ? '' : el('button', {
            type: 'button', 'aria-label': `Delete queue ${q.name}`,
            onclick: () => api(`/api/queues/${q.name}`, { method: 'DELETE' }).then(ok).then(load).catch(fail),
        }, 'Delete')))));
    $('member-table').querySelector('tbody').replaceChildren(...users.items.filter(u => u.enabled).map(u => {
        const queuesInput = el('input', { 'aria-label': `Queues of ${u.username}`, value: (u.queues || []).join(', ') });
        const skillsInput = el('input', { 'aria-label': `Skills of ${u.username}`, value: skillsText(u.skills) });
        return el('tr', { 'data-user': u.username },
            el('th', { scope: 'row' }, `${u.displayName} (${u.username})`), el('td', {}, queuesInput),
            el('td', {}, skillsInput),
            el('td', {}, el('button', {
                type: 'button', 'aria-label': `Save queues of ${u.username}`,
                onclick: () => api(`/api/users/${u.id}`, {
                    method: 'PATCH',
                    body: {
                        queues: queuesInput.value.split(',').map(q => q.trim()).filter(Boolean),
                        skills: parseSkills(skillsInput.value),
                    },
                }).then(ok).then(load).catch(fail),
            }, 'Save')));
    }));
}

async function create(event) {
    event.preventDefault();
    const body = {
        name: $('q-name').value.trim(), strategy: $('q-strategy').value, requiredSkills: parseSkills($('q-skills').value),
        priority: Number($('q-priority').value), offerTimeoutSeconds: Number($('q-offer').value),
    };
    if ($('q-wait').value) {
        body.maxWaitSeconds = Number($('q-wait').value);
    }
    if ($('q-overflow').value.trim()) {
        body.overflow = { queue: $('q-overflow').value.trim(), afterSeconds: Number($('q-overflow-after').value || 0) };
    }
    try {
        await api('/api/queues', { method: 'POST', body });
        $('queue-form').reset();
        ok();
        await load();
    } catch (e) {
        fail(e);
    }
}

function start() {
    const user = session.user();
    if (!user) {
        location.replace('/?return=/queues.html');
        return;
    }
    whenUnauthorized(() => {
        session.clear();
        location.replace('/?return=/queues.html');
    });
    $('me-name').textContent = user.displayName;
    $('logout').addEventListener('click', () => {
        session.clear();
        location.replace('/');
    });
    if (user.role !== 'admin') {
        fail(new Error('Queues are managed by admins.'));
        return;
    }
    keepTokenFresh();
    $('queue-form').addEventListener('submit', create);
    load().catch(fail);
}

start();
