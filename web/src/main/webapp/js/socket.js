// A WebSocket to /ws that keeps itself connected: reconnects with exponential backoff (and jitter, so a restarted
// server is not hit by every dashboard at the same instant) and reports its state for the connection indicator.

const BACKOFF_MS = [500, 1000, 2000, 4000, 8000];
const MAX_BACKOFF_MS = 10000;
/** After this many failed attempts in a row the indicator says Disconnected (retrying goes on). */
const DISCONNECTED_AFTER = 4;

export class LiveSocket {
    /**
     * @param tokenFn   returns the access token for the next connection (null stops reconnecting)
     * @param handlers  { onEvent(event, data), onState(state, detail), onOpen(), onRefused(code) }
     */
    constructor(tokenFn, handlers) {
        this.tokenFn = tokenFn;
        this.handlers = handlers;
        this.failures = 0;
        this.stopped = false;
        this.ws = null;
        this.timer = null;
        this.state = 'connecting';
    }

    start() {
        this.stopped = false;
        this.connect();
        window.addEventListener('online', () => this.retryNow());
        return this;
    }

    stop() {
        this.stopped = true;
        clearTimeout(this.timer);
        if (this.ws) {
            this.ws.close(1000, 'bye');
        }
        this.setState('disconnected', 'Signed out');
    }

    /** Sends an event; false when the socket is not open (the caller decides what to do then). */
    send(event, data) {
        if (!this.ws || this.ws.readyState !== WebSocket.OPEN) {
            return false;
        }
        this.ws.send(JSON.stringify({ event, data }));
        return true;
    }

    retryNow() {
        if (!this.stopped && (!this.ws || this.ws.readyState === WebSocket.CLOSED)) {
            clearTimeout(this.timer);
            this.connect();
        }
    }

    connect() {
        const token = this.tokenFn();
        if (!token) {
            this.stop();
            return;
        }
        const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
        const ws = new WebSocket(`${scheme}://${location.host}/ws?access_token=${encodeURIComponent(token)}`);
        this.ws = ws;
        let opened = false;
        ws.onopen = () => {
            opened = true;
            this.failures = 0;
            this.setState('connected');
            this.handlers.onOpen && this.handlers.onOpen();
        };
        ws.onmessage = message => {
            let frame;
            try {
                frame = JSON.parse(message.data);
            } catch (e) {
                return;
            }
            this.handlers.onEvent(frame.event, frame.data);
        };
        ws.onclose = close => {
            if (this.ws !== ws || this.stopped) {
                return;
            }
            if (close.code === 1008 && this.handlers.onRefused) {
                // The server refused the token (expired, revoked, user disabled): let the page decide.
                if (this.handlers.onRefused(close.code) === false) {
                    return;
                }
            }
            this.failures += opened ? 0 : 1;
            // 1012: the node is stopping (a rolling restart) and the balancer has another: reconnect at once,
            // spread over a few hundred milliseconds rather than all dashboards in the same instant.
            this.schedule(close.code === 1012 && opened ? 300 * Math.random() : undefined);
        };
    }

    schedule(soon) {
        const base = BACKOFF_MS[Math.min(this.failures, BACKOFF_MS.length - 1)];
        const delay = soon !== undefined ? soon : Math.min(MAX_BACKOFF_MS, base) * (0.8 + Math.random() * 0.4);
        this.setState(this.failures >= DISCONNECTED_AFTER ? 'disconnected' : 'reconnecting',
            `retrying in ${Math.ceil(delay / 1000)} s`);
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.connect(), delay);
    }

    setState(state, detail) {
        this.state = state;
        this.handlers.onState && this.handlers.onState(state, detail || '');
    }
}
