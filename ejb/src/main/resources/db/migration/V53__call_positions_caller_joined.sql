-- Whether a caller socket was ever opened for the call (api.md section 7: queue:position goes to the caller's socket).
-- A carrier call's caller has none, nor has an app that never opens one: their places were published all the same,
-- an event through the broker every two seconds per waiting call, to nobody. The first socket sets it when it opens
-- and is told its place then; from that on the ticks tell the caller each change.
ALTER TABLE call_positions ADD COLUMN caller_joined BOOLEAN DEFAULT FALSE NOT NULL;
