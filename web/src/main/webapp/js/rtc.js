// One browser-to-browser audio call: an RTCPeerConnection whose offer, answer and ICE candidates travel through the
// server's webrtc:* events. The caller page makes the offer once an agent has accepted; the agent answers it.
// Signals are handled one after the other (a candidate can arrive before the description it belongs to). After a
// reload or a network drop either page starts again with a fresh peer and a new offer (api.md section 8).

export class AudioPeer {
    /**
     * @param callId      the call both sides belong to
     * @param iceServers  from GET /api/webrtc/config
     * @param signal      (event, data) => void, sends webrtc:* through the socket
     * @param remoteAudio the <audio> element that plays the other side
     * @param onState     (connectionState) => void
     */
    constructor({ callId, iceServers, signal, remoteAudio, onState }) {
        this.callId = callId;
        this.signal = signal;
        this.onState = onState || (() => {});
        this.queue = Promise.resolve();
        this.pendingCandidates = [];
        this.muted = false;
        this.pc = new RTCPeerConnection({ iceServers: iceServers || [] });
        this.pc.onicecandidate = e => {
            if (e.candidate) {
                this.signal('webrtc:ice', { callId: this.callId, candidate: e.candidate.toJSON() });
            }
        };
        this.pc.ontrack = e => {
            remoteAudio.srcObject = e.streams[0] || new MediaStream([e.track]);
            remoteAudio.play().catch(() => {});
        };
        this.pc.onconnectionstatechange = () => this.onState(this.pc.connectionState);
    }

    /** Asks for the microphone and adds it to the connection; once per peer. */
    async openMicrophone() {
        if (!this.microphone) {
            this.microphone = navigator.mediaDevices.getUserMedia({ audio: true, video: false }).then(stream => {
                this.stream = stream;
                this.track = stream.getAudioTracks()[0];
                this.sender = this.pc.addTrack(this.track, stream);
                return stream;
            });
        }
        return this.microphone;
    }

    /** Caller side: offer once the agent is there. */
    call() {
        return this.enqueue(async () => {
            await this.openMicrophone();
            const offer = await this.pc.createOffer();
            await this.pc.setLocalDescription(offer);
            this.signal('webrtc:offer', { callId: this.callId, sdp: offer.sdp });
        });
    }

    /** Any webrtc:* event for this call. */
    handle(event, data) {
        return this.enqueue(async () => {
            if (this.closed) {
                return;
            }
            if (event === 'webrtc:offer') {
                await this.openMicrophone();
                await this.pc.setRemoteDescription({ type: 'offer', sdp: data.sdp });
                await this.flushCandidates();
                const answer = await this.pc.createAnswer();
                await this.pc.setLocalDescription(answer);
                this.signal('webrtc:answer', { callId: this.callId, sdp: answer.sdp });
            } else if (event === 'webrtc:answer') {
                await this.pc.setRemoteDescription({ type: 'answer', sdp: data.sdp });
                await this.flushCandidates();
            } else if (event === 'webrtc:ice' && data.candidate) {
                if (this.pc.remoteDescription) {
                    await this.pc.addIceCandidate(data.candidate);
                } else {
                    this.pendingCandidates.push(data.candidate);
                }
            }
        });
    }

    async flushCandidates() {
        const candidates = this.pendingCandidates;
        this.pendingCandidates = [];
        for (const candidate of candidates) {
            await this.pc.addIceCandidate(candidate);
        }
    }

    /**
     * Mute really stops the microphone: the track is disabled and taken off the sender, so no audio (not even
     * silence) leaves the browser; unmute puts it back.
     */
    async setMuted(muted) {
        this.muted = muted;
        if (this.track) {
            this.track.enabled = !muted;
        }
        if (this.sender) {
            await this.sender.replaceTrack(muted ? null : this.track);
        }
    }

    /** Sends DTMF in-band over the audio sender (RFC 4733); false when the connection cannot. */
    sendDtmf(digits) {
        const dtmf = this.sender && this.sender.dtmf;
        if (!dtmf || !dtmf.canInsertDTMF) {
            return false;
        }
        dtmf.insertDTMF(digits, 120, 70);
        return true;
    }

    /**
     * Whether this connection already negotiated with the other side: an offer arriving then comes from a page that
     * was reloaded (or renegotiates after a drop), and is answered by a fresh peer rather than this one.
     */
    get negotiated() {
        return !!this.pc.remoteDescription || this.pc.signalingState !== 'stable';
    }

    get connectionState() {
        return this.pc.connectionState;
    }

    close() {
        this.closed = true;
        if (this.stream) {
            this.stream.getTracks().forEach(t => t.stop());
        }
        this.pc.close();
    }

    enqueue(step) {
        this.queue = this.queue.then(step).catch(e => {
            // A failed step (a stale candidate, a closed connection) must not stop the ones after it.
            console.warn('WebRTC signalling step failed:', e && e.message ? e.message : e);
        });
        return this.queue;
    }
}

/** The ICE servers for this deployment (CALLCENTER_ICE_SERVERS); none are needed on one machine. */
export async function iceServers(api, token) {
    try {
        const config = await api('/api/webrtc/config', token === undefined ? {} : { token });
        return config.iceServers || [];
    } catch (e) {
        return [];
    }
}
