-- Keyhaven schema, version 1. Portable SQL: the same script runs on the embedded H2 and on PostgreSQL.
-- Key material is only ever stored wrapped under a master key; rows that guard key material carry a MAC.

CREATE TABLE kh_setting (
    name            VARCHAR(100)  NOT NULL PRIMARY KEY,
    setting_value   VARCHAR(2000) NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Master key versions, each wrapped (AES-KWP) under the unseal key that never touches the database.
CREATE TABLE kh_master_key (
    version         INTEGER       NOT NULL PRIMARY KEY,
    wrapped         BYTEA         NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at      TIMESTAMP WITH TIME ZONE
);

-- Keyhaven's own secrets (the audit MAC key), wrapped under a master key version like any key.
CREATE TABLE kh_system_secret (
    name            VARCHAR(64)   NOT NULL PRIMARY KEY,
    mk_version      INTEGER       NOT NULL,
    wrapped         BYTEA         NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    row_version     BIGINT        NOT NULL
);

CREATE TABLE kh_managed_key (
    id                      VARCHAR(36)   NOT NULL PRIMARY KEY,
    name                    VARCHAR(255)  NOT NULL,
    algorithm               VARCHAR(32)   NOT NULL,
    length_bits             INTEGER       NOT NULL,
    curve                   VARCHAR(16),
    usage_mask              INTEGER       NOT NULL,
    exportable              BOOLEAN       NOT NULL,
    state                   VARCHAR(32)   NOT NULL,
    current_version         INTEGER       NOT NULL,
    min_decryption_version  INTEGER       NOT NULL,
    rotation_period         VARCHAR(32),
    next_rotation_at        TIMESTAMP WITH TIME ZONE,
    activation_date         TIMESTAMP WITH TIME ZONE,
    deactivation_date       TIMESTAMP WITH TIME ZONE,
    compromise_date         TIMESTAMP WITH TIME ZONE,
    destroy_date            TIMESTAMP WITH TIME ZONE,
    revocation_reason       VARCHAR(32),
    revocation_message      VARCHAR(512),
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by              VARCHAR(255)  NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    mk_version              INTEGER       NOT NULL,
    row_mac                 BYTEA         NOT NULL,
    row_version             BIGINT        NOT NULL,
    CONSTRAINT uk_managed_key_name UNIQUE (name)
);
CREATE INDEX ix_managed_key_state ON kh_managed_key (state);
CREATE INDEX ix_managed_key_next_rotation ON kh_managed_key (next_rotation_at);
CREATE INDEX ix_managed_key_activation ON kh_managed_key (activation_date);
CREATE INDEX ix_managed_key_deactivation ON kh_managed_key (deactivation_date);

CREATE TABLE kh_key_version (
    key_id              VARCHAR(36)   NOT NULL,
    version             INTEGER       NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    material            BYTEA,
    public_material     BYTEA,
    destroyed_at        TIMESTAMP WITH TIME ZONE,
    mk_version          INTEGER       NOT NULL,
    row_mac             BYTEA         NOT NULL,
    row_version         BIGINT        NOT NULL,
    CONSTRAINT pk_key_version PRIMARY KEY (key_id, version),
    CONSTRAINT fk_key_version_key FOREIGN KEY (key_id) REFERENCES kh_managed_key (id)
);
CREATE INDEX ix_key_version_mk ON kh_key_version (mk_version);

CREATE TABLE kh_key_attribute (
    key_id          VARCHAR(36)   NOT NULL,
    name            VARCHAR(255)  NOT NULL,
    attribute_value VARCHAR(4000) NOT NULL,
    CONSTRAINT pk_key_attribute PRIMARY KEY (key_id, name),
    CONSTRAINT fk_key_attribute_key FOREIGN KEY (key_id) REFERENCES kh_managed_key (id)
);

CREATE TABLE kh_admin_user (
    id                      VARCHAR(36)   NOT NULL PRIMARY KEY,
    username                VARCHAR(64)   NOT NULL,
    password_hash           VARCHAR(255)  NOT NULL,
    must_change_password    BOOLEAN       NOT NULL,
    failed_attempts         INTEGER       NOT NULL,
    locked_until            TIMESTAMP WITH TIME ZONE,
    enabled                 BOOLEAN       NOT NULL,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by              VARCHAR(255)  NOT NULL,
    password_changed_at     TIMESTAMP WITH TIME ZONE,
    last_login_at           TIMESTAMP WITH TIME ZONE,
    row_version             BIGINT        NOT NULL,
    CONSTRAINT uk_admin_user_username UNIQUE (username)
);

CREATE TABLE kh_admin_user_role (
    user_id     VARCHAR(36)   NOT NULL,
    role        VARCHAR(32)   NOT NULL,
    CONSTRAINT pk_admin_user_role PRIMARY KEY (user_id, role),
    CONSTRAINT fk_admin_user_role_user FOREIGN KEY (user_id) REFERENCES kh_admin_user (id)
);

-- Audit records are inserted in the transaction of the action they describe, with an entry MAC over their content
-- (absent only for records written while sealed), then chained in commit order by the audit chainer: seq assigned,
-- mac = HMAC(audit key, prev_mac || content). The chainer refuses records whose entry MAC is missing or wrong.
CREATE SEQUENCE kh_audit_id_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE kh_audit_record (
    id              BIGINT        NOT NULL PRIMARY KEY,
    seq             BIGINT,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor           VARCHAR(255)  NOT NULL,
    actor_type      VARCHAR(16)   NOT NULL,
    client_address  VARCHAR(64),
    port            INTEGER,
    operation       VARCHAR(64)   NOT NULL,
    object_id       VARCHAR(255),
    object_version  INTEGER,
    outcome         VARCHAR(16)   NOT NULL,
    reason          VARCHAR(512),
    details         VARCHAR(2000),
    entry_mac       BYTEA,
    prev_mac        BYTEA,
    mac             BYTEA,
    CONSTRAINT uk_audit_record_seq UNIQUE (seq)
);
CREATE INDEX ix_audit_record_object ON kh_audit_record (object_id);
CREATE INDEX ix_audit_record_operation ON kh_audit_record (operation);

CREATE TABLE kh_audit_head (
    id          INTEGER       NOT NULL PRIMARY KEY,
    last_seq    BIGINT        NOT NULL,
    last_mac    BYTEA         NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
