package org.keyhaven.client;

import java.time.Instant;
import java.util.List;

/** A client as callers see it: its certificates (never a private key) and its grants. */
public record ClientView(String id, String name, ClientStatus status, Instant createdAt, String createdBy,
        Instant updatedAt, List<ClientCertificateView> certificates, List<GrantSpec> grants) {
}
