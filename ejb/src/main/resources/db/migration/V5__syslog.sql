-- Keyhaven schema, version 5: syslog destinations, to which the audit trail is forwarded. Each has its own durable
-- cursor (the sequence number of the last audit record delivered to it); the row carries a MAC, because where the
-- audit trail goes is security configuration.
CREATE TABLE kh_syslog_destination (
    id            VARCHAR(36)    NOT NULL PRIMARY KEY,
    name          VARCHAR(64)    NOT NULL,
    transport     VARCHAR(8)     NOT NULL,
    host          VARCHAR(253)   NOT NULL,
    port          INTEGER        NOT NULL,
    format        VARCHAR(16)    NOT NULL,
    tls_ca_pem    VARCHAR(65536),
    enabled       BOOLEAN        NOT NULL,
    cursor_seq    BIGINT         NOT NULL,
    backlog_alarm BIGINT         NOT NULL,
    last_error    VARCHAR(512),
    last_sent_at  TIMESTAMP WITH TIME ZONE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(255)   NOT NULL,
    mk_version    INTEGER        NOT NULL,
    row_mac       BYTEA          NOT NULL,
    row_version   BIGINT         NOT NULL,
    CONSTRAINT uk_syslog_destination_name UNIQUE (name)
);
