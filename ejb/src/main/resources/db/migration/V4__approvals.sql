-- Keyhaven schema, version 4: dual control. Requests for approval of management operations, the approvals (one per
-- approver and request, enforced here), and the policy saying how many approvals each operation needs.
CREATE TABLE kh_approval_request (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    kind             VARCHAR(32)   NOT NULL,
    object_id        VARCHAR(255),
    parameters       VARCHAR(32000) NOT NULL,
    requester        VARCHAR(255)  NOT NULL,
    requested_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    required         INTEGER       NOT NULL,
    approved_by      VARCHAR(4000) NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    decided_at       TIMESTAMP WITH TIME ZONE,
    rejected_by      VARCHAR(255),
    rejection_reason VARCHAR(255),
    result           VARCHAR(32000),
    mk_version       INTEGER       NOT NULL,
    row_mac          BYTEA         NOT NULL,
    row_version      BIGINT        NOT NULL
);
CREATE INDEX ix_approval_request_status ON kh_approval_request (status, requested_at);

CREATE TABLE kh_approval (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    request_id  VARCHAR(36)  NOT NULL REFERENCES kh_approval_request (id),
    approver    VARCHAR(255) NOT NULL,
    approved_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_approval_approver UNIQUE (request_id, approver)
);

CREATE TABLE kh_approval_policy (
    id          INTEGER       NOT NULL PRIMARY KEY,
    policy_json VARCHAR(4000) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by  VARCHAR(255)  NOT NULL,
    mk_version  INTEGER       NOT NULL,
    row_mac     BYTEA         NOT NULL,
    row_version BIGINT        NOT NULL
);
