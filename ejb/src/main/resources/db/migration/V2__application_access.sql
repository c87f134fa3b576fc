-- Keyhaven schema, version 2: certificate authorities, application clients, their certificates and grants.

-- The internal CA (its private key wrapped under a master key like any key) and external CAs registered by an
-- administrator (certificate only). The row MAC covers the columns that decide whom the application ports trust.
CREATE TABLE kh_certificate_authority (
    id                      VARCHAR(36)   NOT NULL PRIMARY KEY,
    name                    VARCHAR(255)  NOT NULL,
    kind                    VARCHAR(16)   NOT NULL,
    certificate_pem         VARCHAR(16000) NOT NULL,
    fingerprint             VARCHAR(64)   NOT NULL,
    private_key             BYTEA,
    require_client_auth_eku BOOLEAN       NOT NULL,
    enabled                 BOOLEAN       NOT NULL,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by              VARCHAR(255)  NOT NULL,
    mk_version              INTEGER       NOT NULL,
    row_mac                 BYTEA         NOT NULL,
    row_version             BIGINT        NOT NULL,
    CONSTRAINT uk_ca_name UNIQUE (name),
    CONSTRAINT uk_ca_fingerprint UNIQUE (fingerprint)
);

CREATE TABLE kh_client (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    name            VARCHAR(255)  NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(255)  NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    mk_version      INTEGER       NOT NULL,
    row_mac         BYTEA         NOT NULL,
    row_version     BIGINT        NOT NULL,
    CONSTRAINT uk_client_name UNIQUE (name)
);

-- A client is identified by the SHA-256 fingerprint of the certificate it presents.
CREATE TABLE kh_client_certificate (
    fingerprint         VARCHAR(64)   NOT NULL PRIMARY KEY,
    client_id           VARCHAR(36)   NOT NULL,
    issuer_id           VARCHAR(36)   NOT NULL,
    serial_number       VARCHAR(80)   NOT NULL,
    subject             VARCHAR(1024) NOT NULL,
    not_before          TIMESTAMP WITH TIME ZONE NOT NULL,
    not_after           TIMESTAMP WITH TIME ZONE NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    revoked_at          TIMESTAMP WITH TIME ZONE,
    certificate_pem     VARCHAR(16000) NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    mk_version          INTEGER       NOT NULL,
    row_mac             BYTEA         NOT NULL,
    row_version         BIGINT        NOT NULL,
    CONSTRAINT fk_client_certificate_client FOREIGN KEY (client_id) REFERENCES kh_client (id),
    CONSTRAINT fk_client_certificate_issuer FOREIGN KEY (issuer_id) REFERENCES kh_certificate_authority (id)
);
CREATE INDEX ix_client_certificate_client ON kh_client_certificate (client_id);

-- What a client may do with which keys: a key id, an exact name or a name prefix, and a set of operations (bit mask).
CREATE TABLE kh_grant (
    id              VARCHAR(36)   NOT NULL PRIMARY KEY,
    client_id       VARCHAR(36)   NOT NULL,
    target_kind     VARCHAR(16)   NOT NULL,
    target          VARCHAR(255)  NOT NULL,
    operations      INTEGER       NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(255)  NOT NULL,
    mk_version      INTEGER       NOT NULL,
    row_mac         BYTEA         NOT NULL,
    row_version     BIGINT        NOT NULL,
    CONSTRAINT fk_grant_client FOREIGN KEY (client_id) REFERENCES kh_client (id)
);
CREATE INDEX ix_grant_client ON kh_grant (client_id);
