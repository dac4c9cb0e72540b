// The one way the pages talk HTTP: adds the bearer token, sends and reads JSON, and turns
// application/problem+json into an ApiError whose message an agent can read.

import { session } from './session.js';

export class ApiError extends Error {
    constructor(status, problem) {
        super(readable(status, problem));
        this.status = status;
        this.problem = problem || {};
        this.type = (problem && problem.type) || '';
    }
}

function readable(status, problem) {
    if (!problem) {
        return status === 0 ? 'The server cannot be reached. Check your connection and try again.'
            : `The request failed (${status}).`;
    }
    const base = problem.detail || problem.title || `The request failed (${status}).`;
    const fields = Array.isArray(problem.errors) && problem.errors.length
        ? ' ' + problem.errors.map(e => `${e.field}: ${e.message}`).join('; ') + '.' : '';
    return base + fields;
}

let onUnauthorized = () => {};

/** What happens on a 401 with the session's own token (the dashboard goes back to login). */
export function whenUnauthorized(handler) {
    onUnauthorized = handler;
}

/**
 * @param path    e.g. '/api/calls?limit=20'
 * @param options method, body (an object sent as JSON, or a URLSearchParams sent as a form), token (overrides the
 *                session's), headers
 */
export async function api(path, { method = 'GET', body, token, headers = {} } = {}) {
    const bearer = token !== undefined ? token : session.token();
    const request = { method, headers: { Accept: 'application/json', ...headers } };
    if (bearer) {
        request.headers.Authorization = `Bearer ${bearer}`;
    }
    if (body instanceof URLSearchParams) {
        request.body = body;
    } else if (body !== undefined) {
        request.headers['Content-Type'] = 'application/json';
        request.body = JSON.stringify(body);
    }
    let response;
    try {
        response = await fetch(path, request);
    } catch (e) {
        throw new ApiError(0, null);
    }
    const type = response.headers.get('Content-Type') || '';
    const data = type.includes('json') ? await response.json().catch(() => null) : null;
    if (!response.ok) {
        if (response.status === 401 && token === undefined && bearer) {
            onUnauthorized();
        }
        throw new ApiError(response.status, type.includes('problem+json') || data ? data : null);
    }
    return data;
}
