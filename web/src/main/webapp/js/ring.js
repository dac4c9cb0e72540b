// The ring tone: an 800 Hz sine for 0.3 s at 30 % volume, repeated every 1.5 s while calls wait, made with the
// Web Audio API. Browsers keep audio suspended until the user first interacts with the page; `blocked` says so,
// and the page shows a note until the first click or key press unlocks it.

const FREQUENCY_HZ = 800;
const TONE_SECONDS = 0.3;
const VOLUME = 0.3;
const PERIOD_MS = 1500;

export class RingTone {
    constructor(onBlockedChange) {
        this.onBlockedChange = onBlockedChange || (() => {});
        this.context = null;
        this.timer = null;
        this.blocked = false;
        const unlock = () => this.unlock();
        document.addEventListener('click', unlock);
        document.addEventListener('keydown', unlock);
    }

    /** Rings while `on` is true; idempotent. */
    set(on) {
        if (on && !this.timer) {
            this.beep();
            this.timer = setInterval(() => this.beep(), PERIOD_MS);
        } else if (!on && this.timer) {
            clearInterval(this.timer);
            this.timer = null;
        }
    }

    get ringing() {
        return this.timer !== null;
    }

    ensureContext() {
        if (!this.context) {
            const Context = window.AudioContext || window.webkitAudioContext;
            if (!Context) {
                return null;
            }
            this.context = new Context();
        }
        return this.context;
    }

    beep() {
        const ctx = this.ensureContext();
        if (!ctx) {
            return;
        }
        if (ctx.state !== 'running') {
            ctx.resume().catch(() => {});
            this.setBlocked(ctx.state !== 'running');
            if (ctx.state !== 'running') {
                return;
            }
        }
        this.setBlocked(false);
        const oscillator = ctx.createOscillator();
        const gain = ctx.createGain();
        oscillator.type = 'sine';
        oscillator.frequency.value = FREQUENCY_HZ;
        gain.gain.value = VOLUME;
        oscillator.connect(gain).connect(ctx.destination);
        oscillator.start();
        oscillator.stop(ctx.currentTime + TONE_SECONDS);
    }

    unlock() {
        const ctx = this.ensureContext();
        if (ctx && ctx.state !== 'running') {
            ctx.resume().then(() => this.setBlocked(false)).catch(() => {});
        } else {
            this.setBlocked(false);
        }
    }

    setBlocked(blocked) {
        if (blocked !== this.blocked) {
            this.blocked = blocked;
            this.onBlockedChange(blocked);
        }
    }
}
