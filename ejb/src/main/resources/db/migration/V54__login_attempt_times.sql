-- The login limits (5 failures per username, CALLCENTER_LOGIN_ADDRESS_MAX_FAILURES per address) count the attempts of
-- the last 15 minutes, a sliding window: a window that restarted at its first failure let up to twice the limit
-- through around its end. Each counted attempt's time is kept (epoch milliseconds in base 36, comma-separated,
-- oldest first, at most the limit's number); last_attempt_at (the window's start before) is the latest one, which
-- the hourly purge needs. Rows from before have no times: their counts start again.
ALTER TABLE login_attempts ADD COLUMN attempt_times VARCHAR(20000);
ALTER TABLE login_attempts RENAME COLUMN window_started_at TO last_attempt_at;
