// The active call's connection quality (control): round-trip time and packet loss from the WebRTC statistics of
// its peer, sampled every 2 s; past either limit the call panel warns that the connection is poor.

import { state, changed } from './state.js';

const EVERY_MS = 2000;
/** Beyond these a conversation suffers: talking over each other (RTT), gaps in the audio (loss). */
const RTT_LIMIT_MS = 300;
const LOSS_LIMIT_PERCENT = 5;

let last = null; // {peer, lost, received} of the previous sample

/** One sample: {rttMs, lossPercent} (either null when the statistics do not have it yet). */
async function sample(peer) {
    const stats = await peer.pc.getStats();
    let rttMs = null;
    let lost = 0;
    let received = 0;
    stats.forEach(report => {
        if (report.type === 'candidate-pair' && report.nominated && report.state === 'succeeded'
            && report.currentRoundTripTime !== undefined) {
            rttMs = Math.round(report.currentRoundTripTime * 1000);
        } else if (report.type === 'inbound-rtp' && report.kind === 'audio') {
            lost += report.packetsLost || 0;
            received += report.packetsReceived || 0;
        }
    });
    let lossPercent = null;
    if (last && last.peer === peer) {
        const newLost = Math.max(0, lost - last.lost);
        const total = newLost + Math.max(0, received - last.received);
        lossPercent = total > 0 ? (100 * newLost) / total : 0;
    }
    last = { peer, lost, received };
    return { rttMs, lossPercent };
}

function text({ rttMs, lossPercent, degraded }) {
    const parts = [];
    if (rttMs !== null) {
        parts.push(`${rttMs} ms round trip`);
    }
    if (lossPercent !== null) {
        parts.push(`${lossPercent.toFixed(1)} % packets lost`);
    }
    const figures = parts.length ? `Connection: ${parts.join(', ')}` : 'Connection: measuring…';
    return degraded ? `${figures}. Poor connection: the caller may hear you badly.` : figures;
}

/** @param currentPeer () => the active call's AudioPeer, or null */
export function startQuality(currentPeer) {
    setInterval(async () => {
        const peer = currentPeer();
        if (!state.active || !peer || peer.closed) {
            if (state.quality) {
                state.quality = null;
                changed();
            }
            return;
        }
        try {
            const figures = await sample(peer);
            const degraded = (figures.rttMs !== null && figures.rttMs > RTT_LIMIT_MS)
                || (figures.lossPercent !== null && figures.lossPercent > LOSS_LIMIT_PERCENT);
            state.quality = { ...figures, degraded, text: text({ ...figures, degraded }) };
            changed();
        } catch (e) {
            // A peer closed between two samples: the next sample sees the new one.
        }
    }, EVERY_MS);
}
