-- Issue 16: every node caches the definitions of the one-at-a-time queues for routing (reading the queue was a round
-- trip of every routing). The version is counted up by every change of a queue (JPA's @Version, and the bulk update
-- of a deletion), and the candidates' statement checks the cached copy's version in its own snapshot: a change made
-- on any node is seen by the next routing everywhere.
ALTER TABLE queues ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
