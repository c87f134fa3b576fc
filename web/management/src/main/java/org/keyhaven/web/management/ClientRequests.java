package org.keyhaven.web.management;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.keyhaven.client.ClientCertificateView;
import org.keyhaven.client.ClientStatus;
import org.keyhaven.client.ClientView;
import org.keyhaven.client.GrantOperation;
import org.keyhaven.client.GrantSpec;
import org.keyhaven.client.GrantTarget;
import org.keyhaven.client.NewCertificate;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/** Request and response bodies of the client and CA endpoints. */
public final class ClientRequests {

    static final int MAX_PEM = 64 * 1024;

    private ClientRequests() {
    }

    public record Create(@NotBlank @Size(max = 64) String name, @Size(max = MAX_PEM) String csr) {
    }

    public record Issue(@Size(max = MAX_PEM) String csr) {
    }

    public record Register(@NotBlank @Size(max = MAX_PEM) String certificate) {
    }

    public record RegisterCa(@NotBlank @Size(max = 64) String name, @NotBlank @Size(max = MAX_PEM) String certificate,
            Boolean requireClientAuthEku) {
    }

    public record CaPolicy(@NotNull Boolean requireClientAuthEku) {
    }

    /**
     * One grant: exactly one of {@code keyId}, {@code name} (exact key name) or {@code namePrefix}, and the
     * operations (retrieve, encrypt, decrypt, sign, verify, mac, wrap, unwrap, datakey, create, manage).
     */
    public record Grant(@Size(max = 64) String keyId, @Size(max = 255) String name, @Size(max = 255) String namePrefix,
            @NotEmpty @Size(max = 9) List<@NotBlank @Size(max = 16) String> operations) {

        GrantSpec toSpec() {
            int targets = (keyId != null ? 1 : 0) + (name != null ? 1 : 0) + (namePrefix != null ? 1 : 0);
            if (targets != 1) {
                throw new KeyhavenException(ErrorCode.INVALID_REQUEST,
                        "a grant names exactly one of keyId, name or namePrefix");
            }
            Set<GrantOperation> parsed = EnumSet.noneOf(GrantOperation.class);
            operations.forEach(operation -> parsed.add(GrantOperation.parse(operation)));
            GrantTarget kind = keyId != null ? GrantTarget.KEY_ID : name != null ? GrantTarget.NAME
                    : GrantTarget.NAME_PREFIX;
            return new GrantSpec(kind, keyId != null ? keyId : name != null ? name : namePrefix, parsed);
        }

        static Grant of(GrantSpec spec) {
            List<String> operations = spec.operations().stream().map(o -> o.name().toLowerCase()).toList();
            return switch (spec.targetKind()) {
                case KEY_ID -> new Grant(spec.target(), null, null, operations);
                case NAME -> new Grant(null, spec.target(), null, operations);
                case NAME_PREFIX -> new Grant(null, null, spec.target(), operations);
            };
        }
    }

    /** A client: its certificates and its grants (in the shape they are set). */
    public record Client(String id, String name, ClientStatus status, Instant createdAt, String createdBy,
            Instant updatedAt, List<ClientCertificateView> certificates, List<Grant> grants) {

        static Client of(ClientView view) {
            return new Client(view.id(), view.name(), view.status(), view.createdAt(), view.createdBy(),
                    view.updatedAt(), view.certificates(), view.grants().stream().map(Grant::of).toList());
        }
    }

    /**
     * A certificate just issued: the PEM chain (client certificate, then the internal CA) and, when Keyhaven generated
     * the key, the PKCS#12 (base64) and its one-time password. Shown exactly once.
     */
    public record Issued(Client client, String fingerprint, String certificateChain, String pkcs12,
            String pkcs12Password) {

        static Issued of(NewCertificate issued) {
            return new Issued(Client.of(issued.client()), issued.fingerprint(), issued.certificateChainPem(),
                    issued.pkcs12() == null ? null : Base64.getEncoder().encodeToString(issued.pkcs12()),
                    issued.pkcs12Password() == null ? null : new String(issued.pkcs12Password()));
        }

        /** Never the bundle or its password. */
        @Override
        public String toString() {
            return "Issued[" + client.name() + " " + fingerprint + (pkcs12 != null ? ", with PKCS#12" : "") + "]";
        }
    }
}
