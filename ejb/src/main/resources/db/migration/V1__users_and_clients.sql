-- Users (agents, supervisors, admins) and API clients. Disabled users and deleted clients are kept: the call
-- history refers to them.

CREATE TABLE users (
    id                   UUID         NOT NULL,
    username             VARCHAR(64)  NOT NULL,
    display_name         VARCHAR(200) NOT NULL,
    extension            VARCHAR(32),
    role                 VARCHAR(16)  NOT NULL,
    -- Africa's Talking WebRTC client name: the username with every character outside [A-Za-z0-9_] replaced by _.
    -- Unique, so that two users can never answer as the same browser client.
    at_client_name       VARCHAR(64)  NOT NULL,
    sip_username         VARCHAR(128),
    telnyx_credential_id VARCHAR(128),
    password_hash        VARCHAR(256) NOT NULL,
    enabled              BOOLEAN      NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    disabled_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_users PRIMARY KEY (id),
    CONSTRAINT uq_users_username UNIQUE (username),
    CONSTRAINT uq_users_at_client_name UNIQUE (at_client_name),
    CONSTRAINT ck_users_role CHECK (role IN ('admin', 'supervisor', 'agent'))
);

CREATE TABLE api_clients (
    id          UUID         NOT NULL,
    client_id   VARCHAR(64)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    secret_hash VARCHAR(256) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    deleted_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_api_clients PRIMARY KEY (id),
    CONSTRAINT uq_api_clients_client_id UNIQUE (client_id)
);

-- Failed logins per username, shared by every node: 5 failures within 15 minutes lock the username for 15 minutes.
CREATE TABLE login_attempts (
    username          VARCHAR(64) NOT NULL,
    failures          INTEGER     NOT NULL,
    window_started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_login_attempts PRIMARY KEY (username)
);
