// Keeps the signed-in user's token fresh (api.md section 8): a shift is longer than a token's life, so the page
// asks POST /api/auth/refresh for a new one when four fifths of it have passed. A socket opened with the old
// token is closed by the server when that token expires and reconnects with the new one at once.

import { api } from './api.js';
import { session } from './session.js';

const RETRY_MS = 30_000;
let timer = null;

/** Starts (or restarts) the refresh cycle for the session in this tab. */
export function keepTokenFresh() {
    stopRefreshing();
    const current = session.get();
    if (!current) {
        return;
    }
    const left = current.expiresAt - Date.now();
    // Four fifths of the life, at least a minute before the end, never sooner than a second from now.
    const wait = Math.max(1000, Math.min(left * 0.8, left - 60_000));
    timer = setTimeout(refreshNow, wait);
}

export function stopRefreshing() {
    clearTimeout(timer);
    timer = null;
}

async function refreshNow() {
    timer = null;
    try {
        session.save(await api('/api/auth/refresh', { method: 'POST' }));
    } catch (e) {
        // A 401 ends the session (the page's whenUnauthorized handler); anything else is passing: try again soon.
        if (e.status !== 401 && session.get()) {
            timer = setTimeout(refreshNow, RETRY_MS);
        }
        return;
    }
    keepTokenFresh();
}
