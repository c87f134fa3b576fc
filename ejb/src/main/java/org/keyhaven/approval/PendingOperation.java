package org.keyhaven.approval;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;
import org.keyhaven.client.GrantSpec;
import org.keyhaven.client.NewCertificate;
import org.keyhaven.key.KeyDefinition;
import org.keyhaven.key.KeyPolicyChange;
import org.keyhaven.key.RevocationReason;

/**
 * A management operation waiting for approval, as data: its kind, the object it concerns, its exact parameters (as
 * JSON, what approvers see and what is stored under the request's row MAC), and how it carries itself out once
 * approved. {@link PendingOperations#read} turns stored parameters back into the operation.
 */
public sealed interface PendingOperation {

    ApprovalKind kind();

    /** The key or client the operation concerns; null when it makes a new one or concerns the server. */
    String objectId();

    /** The exact parameters, to store and to show. */
    JsonObject parameters();

    /** Carries the operation out; answers a summary of what it did (ids, certificates; never secrets). */
    JsonObject execute(ApprovedOperations operations);

    /** A new key with generated material. */
    record CreateKey(KeyDefinition definition, boolean activate) implements PendingOperation {
        public ApprovalKind kind() {
            return ApprovalKind.KEY_CREATE;
        }

        public String objectId() {
            return null;
        }

        public JsonObject parameters() {
            return Json.createObjectBuilder().add("key", PendingOperations.definition(definition))
                    .add("activate", activate).build();
        }

        public JsonObject execute(ApprovedOperations operations) {
            return PendingOperations.key(operations.keys().create(definition, activate).id());
        }
    }

    /** Activate, rotate, deactivate or destroy a key: operations with no parameter but the key. */
    record ChangeKeyState(ApprovalKind kind, String objectId) implements PendingOperation {
        public ChangeKeyState {
            if (kind != ApprovalKind.KEY_ACTIVATE && kind != ApprovalKind.KEY_ROTATE
                    && kind != ApprovalKind.KEY_DEACTIVATE && kind != ApprovalKind.KEY_DESTROY) {
                throw new IllegalArgumentException(kind + " is not a change of a key's state");
            }
        }

        public JsonObject parameters() {
            return Json.createObjectBuilder().add("keyId", objectId).build();
        }

        public JsonObject execute(ApprovedOperations operations) {
            String id = switch (kind) {
                case KEY_ACTIVATE -> operations.keys().activate(objectId).id();
                case KEY_ROTATE -> operations.keys().rotate(objectId).id();
                case KEY_DEACTIVATE -> operations.keys().deactivate(objectId).id();
                default -> operations.keys().destroy(objectId).id();
            };
            return PendingOperations.key(id);
        }
    }

    record RevokeKey(String objectId, RevocationReason reason, String message) implements PendingOperation {
        public ApprovalKind kind() {
            return ApprovalKind.KEY_REVOKE;
        }

        public JsonObject parameters() {
            JsonObjectBuilder json = Json.createObjectBuilder().add("keyId", objectId).add("reason", reason.name());
            if (message != null) {
                json.add("message", message);
            }
            return json.build();
        }

        public JsonObject execute(ApprovedOperations operations) {
            return PendingOperations.key(operations.keys().revoke(objectId, reason, message).id());
        }
    }

    record ChangeKeyPolicy(String objectId, KeyPolicyChange change) implements PendingOperation {
        public ApprovalKind kind() {
            return ApprovalKind.KEY_POLICY;
        }

        public JsonObject parameters() {
            JsonObjectBuilder json = Json.createObjectBuilder().add("keyId", objectId);
            if (change.minDecryptionVersion() != null) {
                json.add("minDecryptionVersion", change.minDecryptionVersion());
            }
            if (change.rotationPeriod() != null) {
                json.add("rotationPeriod", change.rotationPeriod().text());
            }
            json.add("clearRotationPeriod", change.clearRotationPeriod());
            if (change.deactivationDate() != null) {
                json.add("deactivationDate", change.deactivationDate().toString());
            }
            return json.build();
        }

        public JsonObject execute(ApprovedOperations operations) {
            return PendingOperations.key(operations.keys().changePolicy(objectId, change).id());
        }
    }

    /** Sets custom attributes of a key. */
    record SetKeyAttributes(String objectId, Map<String, String> attributes) implements PendingOperation {
        public SetKeyAttributes {
            attributes = Map.copyOf(attributes);
        }

        public ApprovalKind kind() {
            return ApprovalKind.KEY_POLICY;
        }

        public JsonObject parameters() {
            JsonObjectBuilder values = Json.createObjectBuilder();
            new java.util.TreeMap<>(attributes).forEach(values::add);
            return Json.createObjectBuilder().add("keyId", objectId).add("attributes", values).build();
        }

        public JsonObject execute(ApprovedOperations operations) {
            return PendingOperations.key(operations.keys().setAttributes(objectId, attributes).id());
        }
    }

    record RemoveKeyAttribute(String objectId, String attribute) implements PendingOperation {
        public ApprovalKind kind() {
            return ApprovalKind.KEY_POLICY;
        }

        public JsonObject parameters() {
            return Json.createObjectBuilder().add("keyId", objectId).add("removeAttribute", attribute).build();
        }

        public JsonObject execute(ApprovedOperations operations) {
            return PendingOperations.key(operations.keys().removeAttribute(objectId, attribute).id());
        }
    }

    /** A new client with a certificate from its CSR (under dual control, the client always brings its own key). */
    record CreateClient(String name, String csrPem) implements PendingOperation {
        public ApprovalKind kind() {
            return ApprovalKind.CLIENT_CREATE;
        }

        public String objectId() {
            return null;
        }

        public JsonObject parameters() {
            return Json.createObjectBuilder().add("name", name).add("csr", csrPem).build();
        }

        public JsonObject execute(ApprovedOperations operations) {
            try (NewCertificate created = operations.clients().create(name, csrPem)) {
                return PendingOperations.certificate(created);
            }
        }
    }

    record IssueClientCertificate(String objectId, String csrPem) implements PendingOperation {
        public ApprovalKind kind() {
            return ApprovalKind.CLIENT_CERTIFICATE_ISSUE;
        }

        public JsonObject parameters() {
            return Json.createObjectBuilder().add("clientId", objectId).add("csr", csrPem).build();
        }

        public JsonObject execute(ApprovedOperations operations) {
            try (NewCertificate issued = operations.clients().issueCertificate(objectId, csrPem)) {
                return PendingOperations.certificate(issued);
            }
        }
    }

    /** Registers a certificate from an external CA as one of the client's identities. */
    record RegisterClientCertificate(String objectId, String certificatePem) implements PendingOperation {
        public ApprovalKind kind() {
            return ApprovalKind.CLIENT_CERTIFICATE_ISSUE;
        }

        public JsonObject parameters() {
            return Json.createObjectBuilder().add("clientId", objectId).add("certificate", certificatePem).build();
        }

        public JsonObject execute(ApprovedOperations operations) {
            return PendingOperations.client(operations.clients().registerCertificate(objectId, certificatePem).id());
        }
    }

    record RevokeClientCertificate(String objectId, String fingerprint) implements PendingOperation {
        public ApprovalKind kind() {
            return ApprovalKind.CLIENT_CERTIFICATE_REVOKE;
        }

        public JsonObject parameters() {
            return Json.createObjectBuilder().add("clientId", objectId).add("fingerprint", fingerprint).build();
        }

        public JsonObject execute(ApprovedOperations operations) {
            return PendingOperations.client(operations.clients().revokeCertificate(objectId, fingerprint).id());
        }
    }

    record SetClientStatus(String objectId, boolean enabled) implements PendingOperation {
        public ApprovalKind kind() {
            return ApprovalKind.CLIENT_STATUS;
        }

        public JsonObject parameters() {
            return Json.createObjectBuilder().add("clientId", objectId).add("enabled", enabled).build();
        }

        public JsonObject execute(ApprovedOperations operations) {
            return PendingOperations.client((enabled ? operations.clients().enable(objectId)
                    : operations.clients().disable(objectId)).id());
        }
    }

    record SetGrants(String objectId, List<GrantSpec> grants) implements PendingOperation {
        public SetGrants {
            grants = List.copyOf(grants);
        }

        public ApprovalKind kind() {
            return ApprovalKind.CLIENT_GRANTS;
        }

        public JsonObject parameters() {
            JsonArrayBuilder list = Json.createArrayBuilder();
            for (GrantSpec grant : grants) {
                JsonArrayBuilder granted = Json.createArrayBuilder();
                grant.operations().forEach(operation -> granted.add(operation.name()));
                list.add(Json.createObjectBuilder().add("targetKind", grant.targetKind().name())
                        .add("target", grant.target()).add("operations", granted));
            }
            return Json.createObjectBuilder().add("clientId", objectId).add("grants", list).build();
        }

        public JsonObject execute(ApprovedOperations operations) {
            return PendingOperations.client(operations.clients().setGrants(objectId, grants).id());
        }
    }

    record RotateMasterKey() implements PendingOperation {
        public ApprovalKind kind() {
            return ApprovalKind.MASTER_KEY_ROTATE;
        }

        public String objectId() {
            return null;
        }

        public JsonObject parameters() {
            return JsonObject.EMPTY_JSON_OBJECT;
        }

        public JsonObject execute(ApprovedOperations operations) {
            operations.rotateMasterKey();
            return Json.createObjectBuilder().add("masterKeyRotation", "started").build();
        }
    }

    /** New custodian shares of the unseal key (custodian mode). */
    record RekeyUnsealKey(int shares, int threshold) implements PendingOperation {
        public ApprovalKind kind() {
            return ApprovalKind.SEAL_REKEY;
        }

        public String objectId() {
            return null;
        }

        public JsonObject parameters() {
            return Json.createObjectBuilder().add("shares", shares).add("threshold", threshold).build();
        }

        public JsonObject execute(ApprovedOperations operations) {
            operations.rekeyUnsealKey(shares, threshold);
            return Json.createObjectBuilder().add("rekeyed", true).add("shares", shares).add("threshold", threshold)
                    .build();
        }
    }

    record ChangeApprovalPolicy(ApprovalPolicy policy) implements PendingOperation {
        public ApprovalKind kind() {
            return ApprovalKind.APPROVAL_POLICY;
        }

        public String objectId() {
            return null;
        }

        public JsonObject parameters() {
            return policy.toJson();
        }

        public JsonObject execute(ApprovedOperations operations) {
            operations.changePolicy(policy);
            return Json.createObjectBuilder().add("policy", "changed").build();
        }
    }
}
