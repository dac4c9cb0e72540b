-- Which boot of which node is running. A node writes its row at start-up with a fresh boot id and refreshes its
-- heartbeat every few seconds; work claimed by a boot that is no longer the running one (the node restarted) or
-- whose heartbeat stopped (the node died) belongs to nobody and may be taken over at once.
CREATE TABLE nodes (
    node_id      VARCHAR(64)  NOT NULL,
    boot_id      UUID         NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_nodes PRIMARY KEY (node_id),
    CONSTRAINT uq_nodes_boot UNIQUE (boot_id)
);

-- The boot that claimed an Idempotency-Key; null for claims written before this version (their two-minute limit
-- still applies).
ALTER TABLE idempotency_records ADD COLUMN boot_id UUID;
