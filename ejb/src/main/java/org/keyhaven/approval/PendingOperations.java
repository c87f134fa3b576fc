package org.keyhaven.approval;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.keyhaven.approval.PendingOperation.ChangeApprovalPolicy;
import org.keyhaven.approval.PendingOperation.ChangeKeyPolicy;
import org.keyhaven.approval.PendingOperation.ChangeKeyState;
import org.keyhaven.approval.PendingOperation.CreateClient;
import org.keyhaven.approval.PendingOperation.CreateKey;
import org.keyhaven.approval.PendingOperation.IssueClientCertificate;
import org.keyhaven.approval.PendingOperation.RegisterClientCertificate;
import org.keyhaven.approval.PendingOperation.RekeyUnsealKey;
import org.keyhaven.approval.PendingOperation.RemoveKeyAttribute;
import org.keyhaven.approval.PendingOperation.RevokeClientCertificate;
import org.keyhaven.approval.PendingOperation.RevokeKey;
import org.keyhaven.approval.PendingOperation.RotateMasterKey;
import org.keyhaven.approval.PendingOperation.SetClientStatus;
import org.keyhaven.approval.PendingOperation.SetGrants;
import org.keyhaven.approval.PendingOperation.SetKeyAttributes;
import org.keyhaven.client.GrantOperation;
import org.keyhaven.client.GrantSpec;
import org.keyhaven.client.GrantTarget;
import org.keyhaven.client.NewCertificate;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.key.KeyAlgorithm;
import org.keyhaven.key.KeyDefinition;
import org.keyhaven.key.KeyPolicyChange;
import org.keyhaven.key.KeySpec;
import org.keyhaven.key.KeyUsage;
import org.keyhaven.key.RevocationReason;
import org.keyhaven.key.RotationPeriod;

/** Reads stored operations back from their kind and parameters, and writes the JSON pieces they share. */
public final class PendingOperations {

    private PendingOperations() {
    }

    /** The operation a request stored; its parameters were written by {@link PendingOperation#parameters()}. */
    public static PendingOperation read(ApprovalKind kind, String parameters) {
        JsonObject json;
        try {
            json = Json.createReader(new StringReader(parameters)).readObject();
        } catch (JsonException e) {
            throw new KeyhavenException(ErrorCode.INTERNAL, "stored parameters of a " + kind + " request do not parse");
        }
        return switch (kind) {
            case KEY_CREATE -> new CreateKey(definition(json.getJsonObject("key")), json.getBoolean("activate"));
            case KEY_ACTIVATE, KEY_ROTATE, KEY_DEACTIVATE, KEY_DESTROY -> new ChangeKeyState(kind,
                    json.getString("keyId"));
            case KEY_REVOKE -> new RevokeKey(json.getString("keyId"), RevocationReason.parse(json.getString("reason")),
                    json.getString("message", null));
            case KEY_POLICY -> keyPolicy(json);
            case CLIENT_CREATE -> new CreateClient(json.getString("name"), json.getString("csr"));
            case CLIENT_CERTIFICATE_ISSUE -> json.containsKey("certificate")
                    ? new RegisterClientCertificate(json.getString("clientId"), json.getString("certificate"))
                    : new IssueClientCertificate(json.getString("clientId"), json.getString("csr"));
            case CLIENT_CERTIFICATE_REVOKE -> new RevokeClientCertificate(json.getString("clientId"),
                    json.getString("fingerprint"));
            case CLIENT_STATUS -> new SetClientStatus(json.getString("clientId"), json.getBoolean("enabled"));
            case CLIENT_GRANTS -> new SetGrants(json.getString("clientId"), grants(json));
            case MASTER_KEY_ROTATE -> new RotateMasterKey();
            case SEAL_REKEY -> new RekeyUnsealKey(json.getInt("shares"), json.getInt("threshold"));
            case APPROVAL_POLICY -> new ChangeApprovalPolicy(ApprovalPolicy.fromJson(json));
        };
    }

    private static PendingOperation keyPolicy(JsonObject json) {
        String keyId = json.getString("keyId");
        if (json.containsKey("attributes")) {
            Map<String, String> attributes = new TreeMap<>();
            json.getJsonObject("attributes").forEach((name, value) -> attributes.put(name,
                    ((JsonString) value).getString()));
            return new SetKeyAttributes(keyId, attributes);
        }
        if (json.containsKey("removeAttribute")) {
            return new RemoveKeyAttribute(keyId, json.getString("removeAttribute"));
        }
        return new ChangeKeyPolicy(keyId, new KeyPolicyChange(
                json.containsKey("minDecryptionVersion") ? json.getInt("minDecryptionVersion") : null,
                json.containsKey("rotationPeriod") ? new RotationPeriod(json.getString("rotationPeriod")) : null,
                json.getBoolean("clearRotationPeriod", false),
                json.containsKey("deactivationDate") ? Instant.parse(json.getString("deactivationDate")) : null));
    }

    private static List<GrantSpec> grants(JsonObject json) {
        return json.getJsonArray("grants").getValuesAs(JsonObject.class).stream().map(grant -> {
            Set<GrantOperation> operations = EnumSet.noneOf(GrantOperation.class);
            grant.getJsonArray("operations").getValuesAs(JsonString.class)
                    .forEach(operation -> operations.add(GrantOperation.valueOf(operation.getString())));
            return new GrantSpec(GrantTarget.valueOf(grant.getString("targetKind")), grant.getString("target"),
                    operations);
        }).toList();
    }

    static JsonObject definition(KeyDefinition definition) {
        JsonArrayBuilder usages = Json.createArrayBuilder();
        definition.usages().forEach(usage -> usages.add(usage.name()));
        JsonObjectBuilder attributes = Json.createObjectBuilder();
        definition.attributes().forEach(attributes::add);
        JsonObjectBuilder json = Json.createObjectBuilder().add("name", definition.name())
                .add("algorithm", definition.spec().algorithm().externalName())
                .add("length", definition.spec().lengthBits());
        if (definition.spec().curve() != null) {
            json.add("curve", definition.spec().curve().displayName());
        }
        json.add("usage", usages).add("exportable", definition.exportable());
        if (definition.rotationPeriod() != null) {
            json.add("rotationPeriod", definition.rotationPeriod().text());
        }
        if (definition.activationDate() != null) {
            json.add("activationDate", definition.activationDate().toString());
        }
        if (definition.deactivationDate() != null) {
            json.add("deactivationDate", definition.deactivationDate().toString());
        }
        return json.add("attributes", attributes).build();
    }

    private static KeyDefinition definition(JsonObject json) {
        KeyAlgorithm algorithm = KeyAlgorithm.parse(json.getString("algorithm"));
        Set<KeyUsage> usages = EnumSet.noneOf(KeyUsage.class);
        json.getJsonArray("usage").getValuesAs(JsonString.class).forEach(usage -> usages.add(KeyUsage.parse(
                usage.getString())));
        Map<String, String> attributes = new TreeMap<>();
        json.getJsonObject("attributes").forEach((name, value) -> attributes.put(name,
                ((JsonString) value).getString()));
        return new KeyDefinition(json.getString("name"), KeySpec.of(algorithm, json.getInt("length"),
                json.getString("curve", null)), usages, json.getBoolean("exportable"),
                RotationPeriod.parseNullable(json.getString("rotationPeriod", null)), instant(json, "activationDate"),
                instant(json, "deactivationDate"), attributes);
    }

    private static Instant instant(JsonObject json, String name) {
        return json.containsKey(name) && json.get(name).getValueType() == JsonValue.ValueType.STRING
                ? Instant.parse(json.getString(name)) : null;
    }

    static JsonObject key(String id) {
        return Json.createObjectBuilder().add("keyId", id).build();
    }

    static JsonObject client(String id) {
        return Json.createObjectBuilder().add("clientId", id).build();
    }

    /** A certificate issued under approval: public, so it is kept for the requester to collect. */
    static JsonObject certificate(NewCertificate issued) {
        return Json.createObjectBuilder().add("clientId", issued.client().id())
                .add("fingerprint", issued.fingerprint()).add("certificateChainPem", issued.certificateChainPem())
                .build();
    }
}
