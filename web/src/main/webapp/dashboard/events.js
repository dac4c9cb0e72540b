// What each event pushed by the server changes (control). The snapshot sent after every registration and the live
// events go through the same state functions, so a reconnect shows nothing twice and loses nothing.

import * as model from './state.js';
import { becomeActive, callEnded, checkActiveStillLive } from './calls.js';
import { signalled } from './media.js';
import { toast } from './views.js';

const { state } = model;

export function onEvent(event, data) {
    switch (event) {
        case 'agents:list':
            model.setAgents(data);
            break;
        case 'agent:updated':
            model.updateAgent(data);
            break;
        case 'agents:updated': // several changes of one short window, the latest state of each, in order
            data.forEach(model.updateAgent);
            break;
        case 'calls:waiting':
            model.replaceWaiting(data);
            checkActiveStillLive();
            break;
        case 'call:incoming':
            model.addIncoming(data);
            break;
        case 'call:taken':
        case 'call:offer_revoked': // a one-at-a-time offer this agent did not take moved on (api.md section 7)
            model.removeWaiting(data.callId);
            break;
        case 'call:accepted':
            if (data.agent && state.user && data.agent.id === state.user.id) {
                becomeActive(data, true);
            } else {
                model.removeWaiting(data.id);
            }
            break;
        case 'call:updated':
            if (state.active && state.active.id === data.id) {
                state.active = data;
            } else if (data.status !== 'waiting') {
                model.removeWaiting(data.id);
            }
            break;
        case 'call:ended':
            callEnded(data);
            break;
        case 'webrtc:offer':
        case 'webrtc:answer':
        case 'webrtc:ice':
        case 'webrtc:restart':
            signalled(event, data);
            break;
        case 'error':
            if (data.code === 'call_already_taken' && data.callId) {
                model.removeWaiting(data.callId);
            }
            toast(data.message || data.code);
            break;
        default:
            return; // stats:updated and future events: nothing to show here
    }
    model.changed();
}
