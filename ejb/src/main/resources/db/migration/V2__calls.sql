-- The call log, each call's timeline, and the idempotency keys of the endpoints that start calls.

CREATE TABLE calls (
    id                       UUID         NOT NULL,
    direction                VARCHAR(16)  NOT NULL,
    channel                  VARCHAR(16)  NOT NULL,
    status                   VARCHAR(16)  NOT NULL,
    caller_name              VARCHAR(200),
    phone_number             VARCHAR(32),
    ivr_option               VARCHAR(100),
    queue_name               VARCHAR(100),
    agent_id                 UUID,
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at              TIMESTAMP WITH TIME ZONE,
    ended_at                 TIMESTAMP WITH TIME ZONE,
    duration_seconds         INTEGER,
    hangup_cause             VARCHAR(64),
    provider_name            VARCHAR(32),
    provider_call_control_id VARCHAR(128),
    provider_session_id      VARCHAR(128),
    disposition              VARCHAR(64),
    note                     VARCHAR(2000),
    -- The API client that started the call: it may see and end it.
    created_by_client_id     UUID,
    -- Incremented by every change of the row: the per-call sequence that orders pushes of its events.
    version                  BIGINT       NOT NULL,
    CONSTRAINT pk_calls PRIMARY KEY (id),
    CONSTRAINT fk_calls_agent FOREIGN KEY (agent_id) REFERENCES users (id),
    CONSTRAINT fk_calls_client FOREIGN KEY (created_by_client_id) REFERENCES api_clients (id),
    CONSTRAINT uq_calls_call_control_id UNIQUE (provider_call_control_id),
    CONSTRAINT uq_calls_session_id UNIQUE (provider_session_id),
    CONSTRAINT ck_calls_direction CHECK (direction IN ('inbound', 'outbound')),
    CONSTRAINT ck_calls_channel CHECK (channel IN ('app', 'telnyx', 'africastalking')),
    CONSTRAINT ck_calls_status CHECK (status IN ('dialing', 'waiting', 'active', 'ended', 'missed', 'failed'))
);

-- Lists are newest first by (created_at, id); the other indexes serve the visibility rules and filters.
CREATE INDEX ix_calls_created ON calls (created_at, id);
CREATE INDEX ix_calls_status ON calls (status, created_at);
CREATE INDEX ix_calls_agent ON calls (agent_id, created_at);
CREATE INDEX ix_calls_client ON calls (created_by_client_id, created_at);
CREATE INDEX ix_calls_phone ON calls (phone_number, created_at);

-- Ids come from one sequence, so a call's timeline reads back in the order it was written.
CREATE SEQUENCE call_events_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE call_events (
    id          BIGINT        NOT NULL,
    call_id     UUID          NOT NULL,
    event_type  VARCHAR(64)   NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- A JSON object; carrier events keep their payload here, so it is as large as a request body may be.
    data        VARCHAR(100000) NOT NULL,
    CONSTRAINT pk_call_events PRIMARY KEY (id),
    CONSTRAINT fk_call_events_call FOREIGN KEY (call_id) REFERENCES calls (id)
);

CREATE INDEX ix_call_events_call ON call_events (call_id, id);

-- Idempotency-Key records, per principal. The unique key decides which of two racing requests does the work.
CREATE TABLE idempotency_records (
    id              UUID          NOT NULL,
    principal       VARCHAR(80)   NOT NULL,
    idem_key        VARCHAR(255)  NOT NULL,
    request_hash    VARCHAR(64)   NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    response_status INTEGER,
    call_id         UUID,
    -- The first answer's problem document when it was an error worth replaying (a carrier refusal or timeout).
    response_body   VARCHAR(8000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_idempotency_records PRIMARY KEY (id),
    CONSTRAINT uq_idempotency_principal_key UNIQUE (principal, idem_key),
    CONSTRAINT ck_idempotency_state CHECK (state IN ('in_progress', 'completed'))
);

CREATE INDEX ix_idempotency_expires ON idempotency_records (expires_at);
