-- Africa's Talking voice callbacks. AT signs nothing and may repeat a callback, so:
-- at_sessions has one row per AT session; callbacks of one session lock it (SELECT ... FOR UPDATE) and are
-- handled one after the other on every node, which is what keeps a session to one call.
-- at_callbacks remembers every callback by a hash of its sorted form fields, with the reply it got: an exact
-- repeat changes nothing and gets the same reply.

CREATE TABLE at_sessions (
    session_id VARCHAR(128) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_at_sessions PRIMARY KEY (session_id)
);

CREATE TABLE at_callbacks (
    session_id  VARCHAR(128)  NOT NULL,
    fields_hash VARCHAR(64)   NOT NULL,
    reply       VARCHAR(100000) NOT NULL,
    call_id     UUID,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_at_callbacks PRIMARY KEY (session_id, fields_hash),
    CONSTRAINT fk_at_callbacks_session FOREIGN KEY (session_id) REFERENCES at_sessions (session_id),
    CONSTRAINT fk_at_callbacks_call FOREIGN KEY (call_id) REFERENCES calls (id)
);

CREATE INDEX ix_at_callbacks_received ON at_callbacks (received_at);
