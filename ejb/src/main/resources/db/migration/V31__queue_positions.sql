-- The last queue:position told to each waiting call's caller (api.md section 7): a node pushes a new one only when
-- the position or the estimate changed and the last is at least two seconds old, decided by one conditional UPDATE,
-- so several nodes never tell a caller twice.
CREATE TABLE call_positions (
    call_id   UUID    NOT NULL,
    position  INTEGER,
    estimate  INTEGER,
    pushed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_call_positions PRIMARY KEY (call_id),
    CONSTRAINT fk_call_positions_call FOREIGN KEY (call_id) REFERENCES calls (id)
);
