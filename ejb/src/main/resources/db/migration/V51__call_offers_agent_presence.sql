-- Issue 16: an offer's agent must have a presence row, not just a user row. Every agent offered a call has one (the
-- claim reads and locks it: FOR UPDATE), presence rows reference users and neither is ever deleted, so integrity is
-- what it was. What changes is the cost of the check on the hot table: PostgreSQL's foreign-key trigger takes FOR KEY
-- SHARE on the referenced row; on `users` that was a new row lock (a WAL record and a dirtied page) for every offer,
-- on `agent_presence` the routing transaction already holds the stronger FOR UPDATE, and the check finds it and
-- writes nothing. The call's key is already as cheap: its row is locked FOR UPDATE (or inserted) by that transaction.
ALTER TABLE call_offers DROP CONSTRAINT fk_call_offers_agent;
ALTER TABLE call_offers ADD CONSTRAINT fk_call_offers_agent FOREIGN KEY (agent_id) REFERENCES agent_presence (user_id);
