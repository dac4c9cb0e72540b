-- Agent reachability (issue 17, api.md section 8). In the shared presence row, so that every node offers calls
-- to the same agents: an agent who cannot take a call is stored `away`, and the offer queries need no change.
-- Why the server set an agent away: its last agent:ready said it cannot take a call (microphone, audio), or it let
-- two one-at-a-time offers in a row time out (unresponsive). Null for an away the agent asked for, and every other status.
ALTER TABLE agent_presence ADD COLUMN away_reason VARCHAR(16);
ALTER TABLE agent_presence ADD CONSTRAINT ck_agent_presence_away_reason
    CHECK (away_reason IN ('microphone', 'audio', 'unresponsive') AND status = 'away' OR away_reason IS NULL);
-- What the agent's last agent:ready said it lacks (microphone first, then audio); null: ready, or never reported.
-- Kept across reloads and reconnects until the next agent:ready: a page that comes back with the microphone still
-- blocked must not be offered a call before it reports again.
ALTER TABLE agent_presence ADD COLUMN not_ready VARCHAR(16);
ALTER TABLE agent_presence ADD CONSTRAINT ck_agent_presence_not_ready CHECK (not_ready IN ('microphone', 'audio'));
-- One-at-a-time offers in a row that the agent let time out; a decline or an answer resets it.
ALTER TABLE agent_presence ADD COLUMN missed_offers INTEGER NOT NULL DEFAULT 0;
