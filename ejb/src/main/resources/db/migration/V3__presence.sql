-- Agent presence, shared by every node: one row per user who ever registered, and one row per open registered
-- WebSocket, owned by the node that holds it. An agent with several tabs (on one node or several) is one agent.

CREATE TABLE agent_presence (
    user_id         UUID        NOT NULL,
    status          VARCHAR(16) NOT NULL,
    extension       VARCHAR(32),
    -- Incremented by every change: the sequence that orders this agent's agent:updated pushes.
    version         BIGINT      NOT NULL,
    -- When the agent's last socket closed; the agent goes offline once the grace period has passed.
    disconnected_at TIMESTAMP WITH TIME ZONE,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_agent_presence PRIMARY KEY (user_id),
    CONSTRAINT fk_agent_presence_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT ck_agent_presence_status CHECK (status IN ('available', 'busy', 'away', 'offline'))
);

CREATE INDEX ix_agent_presence_disconnected ON agent_presence (disconnected_at);

CREATE TABLE agent_sockets (
    id        VARCHAR(64) NOT NULL,
    user_id   UUID        NOT NULL,
    node_id   VARCHAR(23) NOT NULL,
    opened_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_agent_sockets PRIMARY KEY (id),
    CONSTRAINT fk_agent_sockets_user FOREIGN KEY (user_id) REFERENCES users (id)
);

CREATE INDEX ix_agent_sockets_user ON agent_sockets (user_id);
CREATE INDEX ix_agent_sockets_node ON agent_sockets (node_id);
