-- Telnyx: webhook de-duplication and inbound SMS.
-- telnyx_webhooks has one row per webhook event (data.id). Telnyx retries anything not answered 2xx within 2 s and
-- may deliver an event twice or concurrently: the primary key decides, on every node, which delivery does the work
-- (INSERT ... ON CONFLICT DO NOTHING waits for a racing insert instead of failing). The call control id and event
-- type also let a call.hangup that overtook its call.initiated be found again.

CREATE TABLE telnyx_webhooks (
    event_id        VARCHAR(128) NOT NULL,
    event_type      VARCHAR(64)  NOT NULL,
    call_control_id VARCHAR(128),
    -- call.hangup only: its lower-cased hangup_cause, for a call whose call.initiated comes after it.
    hangup_cause    VARCHAR(64),
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_telnyx_webhooks PRIMARY KEY (event_id)
);

CREATE INDEX ix_telnyx_webhooks_leg ON telnyx_webhooks (call_control_id, event_type);
CREATE INDEX ix_telnyx_webhooks_received ON telnyx_webhooks (received_at);

CREATE TABLE sms_messages (
    id                  UUID          NOT NULL,
    provider_name       VARCHAR(32)   NOT NULL,
    provider_message_id VARCHAR(128),
    from_number         VARCHAR(64),
    to_number           VARCHAR(64),
    body                VARCHAR(10000) NOT NULL,
    received_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_sms_messages PRIMARY KEY (id),
    CONSTRAINT uq_sms_messages_provider_id UNIQUE (provider_name, provider_message_id)
);

-- Lists are newest first by (created_at, id).
CREATE INDEX ix_sms_messages_created ON sms_messages (created_at, id);
