// The agent's call history and a call's timeline (control): pages of GET /api/calls, newest first, and the
// detail of one call in a dialog.

import { api } from '../js/api.js';
import { renderHistory, renderTimeline, toast } from './views.js';

const HISTORY_PAGE = 20;

let historyCursor = null;

/** @param more true appends the next page, false reloads the first (after a call changed) */
export async function loadHistory(more) {
    try {
        const cursor = more && historyCursor ? `&cursor=${encodeURIComponent(historyCursor)}` : '';
        const page = await api(`/api/calls?limit=${HISTORY_PAGE}${cursor}`);
        historyCursor = page.nextCursor;
        renderHistory(page.items, more, page.nextCursor, openTimeline);
    } catch (e) {
        toast(`Call history: ${e.message}`);
    }
}

async function openTimeline(callId) {
    try {
        renderTimeline(await api(`/api/calls/${callId}`));
    } catch (e) {
        toast(e.message);
    }
}
