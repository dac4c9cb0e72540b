-- Security review (issue 13).

-- API client scopes (api.md v7): 'app' may initiate, read and end its own calls; 'integrator' may also dial through
-- the carriers. Existing clients become 'app': the narrow scope, so an upgrade never widens what a client may do.
ALTER TABLE api_clients ADD COLUMN scope VARCHAR(16) DEFAULT 'app' NOT NULL;
ALTER TABLE api_clients ADD CONSTRAINT ck_api_clients_scope CHECK (scope IN ('app', 'integrator'));

-- Bumped on every password change, disable and role change; a user token carries the generation it was issued at
-- (claim "gen") and fails once it is older, so re-enabling a user does not revive tokens issued before the disable.
ALTER TABLE users ADD COLUMN token_generation BIGINT DEFAULT 0 NOT NULL;

-- login_attempts also counts per client address (key '@' + address, a character no username may hold); the
-- hourly purge finds rows whose window and lock are over.
CREATE INDEX ix_login_attempts_window ON login_attempts (window_started_at);
