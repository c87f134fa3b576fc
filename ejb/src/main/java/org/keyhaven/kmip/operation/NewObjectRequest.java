package org.keyhaven.kmip.operation;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.keyhaven.crypto.ops.RandomBytes;
import org.keyhaven.key.KeyAlgorithm;
import org.keyhaven.key.KeyDefinition;
import org.keyhaven.key.KeyKind;
import org.keyhaven.key.KeySpec;
import org.keyhaven.key.KeyUsage;
import org.keyhaven.key.ManagedKey;
import org.keyhaven.kmip.message.KmipFailure;
import org.keyhaven.kmip.message.ResultReason;
import org.keyhaven.kmip.message.Tags;
import org.keyhaven.kmip.ttlv.TtlvBoolean;
import org.keyhaven.kmip.ttlv.TtlvDateTime;
import org.keyhaven.kmip.ttlv.TtlvEnumeration;
import org.keyhaven.kmip.ttlv.TtlvInteger;
import org.keyhaven.kmip.ttlv.TtlvItem;
import org.keyhaven.kmip.ttlv.TtlvStructure;
import org.keyhaven.kmip.ttlv.TtlvTextString;

/**
 * The attributes a client gives for a new object (Create, Register), read into a key definition. A key created
 * without a Name gets {@code kmip-} and 32 random hex digits (a grant to create on that prefix lets a client
 * create unnamed keys); an Activation Date not in the future activates the key at once; KMIP keys are exportable
 * unless the client sets Extractable to false; no Cryptographic Usage Mask (or 0) gives the algorithm's default usages,
 * and usages the algorithm cannot serve are dropped from a mask (an HMAC key asked to Encrypt only MACs).
 * Attributes the server does not keep are refused, not dropped.
 */
public final class NewObjectRequest {

    public static final String UNNAMED_PREFIX = "kmip-";

    private Integer algorithm;
    private Integer length;
    private Integer usageMask;
    private String name;
    private Instant activationDate;
    private Instant deactivationDate;
    private boolean exportable = true;
    private final Map<String, String> custom = new TreeMap<>();
    private final Map<StandardAttribute, List<TtlvItem>> kept = new java.util.EnumMap<>(StandardAttribute.class);

    private NewObjectRequest() {
    }

    public static NewObjectRequest of(List<Attribute> attributes) {
        NewObjectRequest request = new NewObjectRequest();
        attributes.forEach(request::take);
        return request;
    }

    private void take(Attribute attribute) {
        TtlvItem value = attribute.value();
        if (attribute.isCustom()) {
            CustomAttributes.put(custom, attribute.name(), List.of(value));
            return;
        }
        StandardAttribute standard = attribute.standard().orElse(null);
        if (standard != null && standard.clientKept()) {
            List<TtlvItem> instances = kept.computeIfAbsent(standard, s -> new java.util.ArrayList<>());
            if (!standard.multiple() && !instances.isEmpty()) {
                throw new KmipFailure(ResultReason.ATTRIBUTE_SINGLE_VALUED, "attribute '" + standard.kmipName()
                        + "' takes one value");
            }
            instances.add(value);
            return;
        }
        switch (attribute.name()) {
            case "Cryptographic Algorithm" -> algorithm = value.as(TtlvEnumeration.class).value();
            case "Cryptographic Length" -> length = value.as(TtlvInteger.class).value();
            case "Cryptographic Usage Mask" -> usageMask = value.as(TtlvInteger.class).value();
            case "Name" -> name = value.as(TtlvStructure.class).get(Tags.NAME_VALUE, TtlvTextString.class).value();
            case "Activation Date" -> activationDate = Instant.ofEpochSecond(value.as(TtlvDateTime.class)
                    .epochSeconds());
            case "Deactivation Date" -> deactivationDate = Instant.ofEpochSecond(value.as(TtlvDateTime.class)
                    .epochSeconds());
            case "Extractable" -> exportable = value.as(TtlvBoolean.class).value();
            case "Object Type", "Certificate Type" -> {
                // the operation's own object decides; a copy among the attributes changes nothing
            }
            default -> throw new KmipFailure(ResultReason.INVALID_ATTRIBUTE, "attribute '"
                    + Payloads.printable(attribute.name()) + "' cannot be set on a new object");
        }
    }

    /** The algorithm the attributes name, or the given one (from a key block) if they name none. */
    public NewObjectRequest withDefaults(Integer blockAlgorithm, Integer blockLength) {
        if (algorithm == null) {
            algorithm = blockAlgorithm;
        }
        if (length == null) {
            length = blockLength;
        }
        return this;
    }

    /** The algorithm the attributes (or the key block) name, if any. */
    public java.util.Optional<KeyAlgorithm> algorithm() {
        return java.util.Optional.ofNullable(algorithm).map(KmipAlgorithms::algorithm);
    }

    /** Marks the object as registered: its material came from the client, not the server's generator. */
    public NewObjectRequest registered(int keyFormatType) {
        custom.put(StoredAttributes.REGISTERED, "true");
        custom.put(StoredAttributes.FORMAT, String.valueOf(keyFormatType));
        return this;
    }

    /** A data object (certificate, opaque object): the markers that describe it. */
    public NewObjectRequest dataObject(Map<String, String> markers) {
        custom.putAll(markers);
        return this;
    }

    /** Secret data: the Secret Data Type (Password, Seed) Get gives it back with. */
    public NewObjectRequest secretDataType(int type) {
        custom.put(StoredAttributes.SECRET_DATA_TYPE, String.valueOf(type));
        return this;
    }

    public boolean activatesAt(Instant now) {
        return activationDate != null && !activationDate.isAfter(now);
    }

    /** A definition of a key whose algorithm the attributes give. */
    public KeyDefinition keyDefinition(Instant now) {
        KeySpec spec = spec();
        return definition(spec, now, null, spec.algorithm().allowedUsages());
    }

    /** A private key's definition: it signs when the client names no usage. */
    public KeyDefinition privateKeyDefinition(Instant now) {
        KeySpec spec = asymmetricSpec();
        return definition(spec, now, EnumSet.of(KeyUsage.SIGN), spec.algorithm().allowedUsages());
    }

    /** A public key's definition: only what a public key does (verify when the client names no usage). */
    public KeyDefinition publicKeyDefinition(Instant now) {
        KeySpec spec = asymmetricSpec();
        Set<KeyUsage> possible = spec.algorithm().allowedUsages();
        possible.retainAll(ManagedKey.PUBLIC_USAGES);
        return definition(spec, now, EnumSet.of(KeyUsage.VERIFY), possible);
    }

    /** A definition of secret data of the given size. */
    public KeyDefinition secretDataDefinition(int bits, Instant now) {
        KeySpec spec = KeySpec.of(KeyAlgorithm.SECRET_DATA, bits, null);
        return definition(spec, now, null, spec.algorithm().allowedUsages());
    }

    private KeySpec spec() {
        if (algorithm == null) {
            throw new KmipFailure(ResultReason.MISSING_DATA, "the Cryptographic Algorithm attribute is required");
        }
        return KeySpec.of(KmipAlgorithms.algorithm(algorithm), length, null);
    }

    private KeySpec asymmetricSpec() {
        KeySpec spec = spec();
        if (spec.algorithm().kind() != KeyKind.ASYMMETRIC) {
            throw new KmipFailure(ResultReason.INVALID_FIELD, spec.algorithm().externalName()
                    + " is not an algorithm of key pairs; RSA, EC and Ed25519 are");
        }
        return spec;
    }

    /**
     * @param defaults the usages when the client names none (null: the algorithm's)
     * @param possible what the key can do: other usages in the client's mask are dropped
     */
    private KeyDefinition definition(KeySpec spec, Instant now, Set<KeyUsage> defaults, Set<KeyUsage> possible) {
        // a mask of 0 (what some clients send when the caller names no usage) means the defaults
        Set<KeyUsage> usages = usageMask == null || usageMask == 0 ? defaults : KmipAlgorithms.usages(usageMask);
        if (usages != null) {
            // what the key cannot do is dropped, never added: clients such as PyKMIP always ask for
            // Encrypt and Decrypt, whatever the key
            usages.retainAll(possible);
        }
        if (usages != null && usages.isEmpty() && spec.algorithm() != KeyAlgorithm.SECRET_DATA) {
            throw new KmipFailure(ResultReason.INVALID_FIELD, "the Cryptographic Usage Mask " + usageMask
                    + " allows nothing a " + spec + " key can do");
        }
        Instant scheduled = activationDate != null && activationDate.isAfter(now) ? activationDate : null;
        Map<String, String> attributes = new TreeMap<>(custom);
        if (name == null) {
            attributes.put(StoredAttributes.UNNAMED, "true");
        }
        kept.forEach((attribute, instances) -> attributes.put(StoredAttributes.key(attribute),
                StoredAttributes.encode(instances)));
        return new KeyDefinition(name != null ? name : generatedName(), spec, usages, exportable, null, scheduled,
                deactivationDate, attributes);
    }

    private static String generatedName() {
        return UNNAMED_PREFIX + HexFormat.of().formatHex(RandomBytes.generate(16));
    }
}
