-- Queues and routing (issue 16, api.md section 7). The default queue `general` rings every available member at once,
-- the behaviour of sections 3 and 5; every user that exists now is a member of it.
CREATE TABLE queues (
    name                   VARCHAR(64)   NOT NULL,
    display_name           VARCHAR(200)  NOT NULL,
    strategy               VARCHAR(16)   NOT NULL,
    -- {"skill": level, ...} as JSON text: read whole with the queue, never queried by skill.
    required_skills        VARCHAR(4000) NOT NULL,
    priority               INTEGER       NOT NULL,
    offer_timeout_seconds  INTEGER       NOT NULL,
    -- Null: CALLCENTER_RING_TIMEOUT_SECONDS.
    max_wait_seconds       INTEGER,
    relax_after_seconds    INTEGER       NOT NULL,
    overflow_after_seconds INTEGER,
    overflow_queue         VARCHAR(64),
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_queues PRIMARY KEY (name),
    CONSTRAINT ck_queues_strategy CHECK (strategy IN ('ring-all', 'longest-idle', 'round-robin', 'skills')),
    CONSTRAINT ck_queues_priority CHECK (priority BETWEEN 0 AND 9)
);

INSERT INTO queues (name, display_name, strategy, required_skills, priority, offer_timeout_seconds, max_wait_seconds,
                    relax_after_seconds, overflow_after_seconds, overflow_queue, created_at)
VALUES ('general', 'General', 'ring-all', '{}', 0, 15, NULL, 30, NULL, NULL, CURRENT_TIMESTAMP);

CREATE TABLE queue_members (
    queue_name      VARCHAR(64) NOT NULL,
    user_id         UUID        NOT NULL,
    -- When this member was last offered a call of this queue: the turn of round-robin.
    last_offered_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_queue_members PRIMARY KEY (queue_name, user_id),
    CONSTRAINT fk_queue_members_queue FOREIGN KEY (queue_name) REFERENCES queues (name) ON DELETE CASCADE,
    CONSTRAINT fk_queue_members_user FOREIGN KEY (user_id) REFERENCES users (id)
);
CREATE INDEX ix_queue_members_user ON queue_members (user_id);

INSERT INTO queue_members (queue_name, user_id) SELECT 'general', id FROM users;

CREATE TABLE agent_skills (
    user_id UUID        NOT NULL,
    skill   VARCHAR(64) NOT NULL,
    level   INTEGER     NOT NULL,
    CONSTRAINT pk_agent_skills PRIMARY KEY (user_id, skill),
    CONSTRAINT fk_agent_skills_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT ck_agent_skills_level CHECK (level BETWEEN 1 AND 10)
);

-- The routing queue of an inbound call, its priority, and when it is missed if still waiting (null: the ring
-- timeout after created_at, for calls stored before this version).
ALTER TABLE calls ADD COLUMN queue VARCHAR(64);
ALTER TABLE calls ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
ALTER TABLE calls ADD COLUMN wait_deadline TIMESTAMP WITH TIME ZONE;
UPDATE calls SET queue = 'general' WHERE direction = 'inbound';
CREATE INDEX ix_calls_waiting_queue ON calls (status, queue, priority, created_at);

-- The pending one-at-a-time offers: at most one per call and one per agent, whichever node made it. The unique
-- keys are what keeps two nodes routing at the same moment from offering one agent two calls.
CREATE TABLE call_offers (
    call_id    UUID NOT NULL,
    agent_id   UUID NOT NULL,
    offered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_call_offers PRIMARY KEY (call_id),
    CONSTRAINT uq_call_offers_agent UNIQUE (agent_id),
    CONSTRAINT fk_call_offers_call FOREIGN KEY (call_id) REFERENCES calls (id),
    CONSTRAINT fk_call_offers_agent FOREIGN KEY (agent_id) REFERENCES users (id)
);
CREATE INDEX ix_call_offers_expires ON call_offers (expires_at);

-- Agents who let a call pass (declined, or let its offer time out): the next offer of that call goes to someone
-- else, until every candidate passed and a new round starts.
CREATE TABLE offer_passes (
    call_id  UUID NOT NULL,
    agent_id UUID NOT NULL,
    at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_offer_passes PRIMARY KEY (call_id, agent_id),
    CONSTRAINT fk_offer_passes_call FOREIGN KEY (call_id) REFERENCES calls (id)
);

-- Calls that overflowed: from then on the overflow queue's members are offered them too.
CREATE TABLE call_overflows (
    call_id UUID        NOT NULL,
    queue   VARCHAR(64) NOT NULL,
    at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_call_overflows PRIMARY KEY (call_id),
    CONSTRAINT fk_call_overflows_call FOREIGN KEY (call_id) REFERENCES calls (id)
);
