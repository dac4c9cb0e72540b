-- A timeline entry's id comes from the database as the row is inserted: one round trip per entry instead of two (a
-- nextval, then the INSERT). Still one sequence, one id at a time, so ids keep following the order of the writes.
ALTER TABLE call_events ALTER COLUMN id SET DEFAULT nextval('call_events_seq');
