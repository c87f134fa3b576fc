package org.keyhaven.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keyhaven.access.Roles;
import org.keyhaven.application.CryptoRequests.Ciphertext;
import org.keyhaven.application.CryptoRequests.MacValue;
import org.keyhaven.application.CryptoRequests.Plaintext;
import org.keyhaven.application.CryptoRequests.RandomBytes;
import org.keyhaven.application.CryptoRequests.Signature;
import org.keyhaven.application.CryptoRequests.Validity;
import org.keyhaven.application.CryptoRequests.WrappedDataKey;
import org.keyhaven.audit.AuditEvent;
import org.keyhaven.audit.AuditLog;
import org.keyhaven.client.GrantOperation;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;
import org.keyhaven.crypto.ops.CiphertextEnvelope;
import org.keyhaven.crypto.ops.DataKey;
import org.keyhaven.crypto.ops.DataKeys;
import org.keyhaven.crypto.ops.Encryption;
import org.keyhaven.crypto.ops.Macs;
import org.keyhaven.crypto.ops.SignatureAlgorithm;
import org.keyhaven.crypto.ops.Signatures;
import org.keyhaven.key.KeyAlgorithm;
import org.keyhaven.key.KeyState.KeyUse;
import org.keyhaven.key.KeyUsage;
import org.keyhaven.monitor.OperationMeter;

/**
 * The encryption services for application clients (port 6003). Every operation takes a batch (a single call is a
 * batch of one): each item succeeds or is refused on its own, each is audited with the client, key and version, and
 * the batch waits once for all its audit records (group commit). No database connection is held while the crypto
 * runs: keys are resolved in short transactions of their own. Key material never leaves through these operations.
 */
@Stateless
@RolesAllowed(Roles.CLIENT)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CryptoServices {

    public static final String MAX_BATCH_PROPERTY = "keyhaven.crypto.max-batch";
    public static final String MAX_DATA_PROPERTY = "keyhaven.crypto.max-data-bytes";
    private static final Logger LOG = Logger.getLogger(CryptoServices.class.getName());
    private static final int MAX_AAD = 64 * 1024;

    @EJB
    private KeyResolver keys;

    @EJB
    private AuditLog audit;

    @Inject
    private OperationMeter meter;

    public List<Outcome<Ciphertext>> encrypt(List<CryptoRequests.Encrypt> requests) {
        return each("crypto.encrypt", requests, request -> {
            byte[] plaintext = data(request.plaintext(), "plaintext");
            try (UsableKey key = keys.resolve(required(request.key(), "key"), GrantOperation.ENCRYPT, KeyUsage.ENCRYPT,
                    KeyUse.PROTECT, null, true)) {
                return done(new Ciphertext(key.id(), key.version(), encrypt(key, plaintext, aad(request.aad()))), key);
            }
        });
    }

    public List<Outcome<Plaintext>> decrypt(List<CryptoRequests.Decrypt> requests) {
        return each("crypto.decrypt", requests, request -> {
            CiphertextEnvelope envelope = envelope(request.ciphertext());
            try (UsableKey key = keys.resolve(envelope.keyId().toString(), GrantOperation.DECRYPT, KeyUsage.DECRYPT,
                    KeyUse.PROCESS, envelope.keyVersion(), true)) {
                if (request.key() != null && !request.key().equalsIgnoreCase(key.id())
                        && !request.key().equals(key.name())) {
                    throw new KeyhavenException(ErrorCode.INVALID_CIPHERTEXT, "the ciphertext was not made with key '"
                            + Texts.printable(request.key(), 80) + "'", key.id());
                }
                return done(new Plaintext(key.id(), key.version(), decrypt(envelope, key, aad(request.aad()))), key);
            }
        });
    }

    public List<Outcome<Signature>> sign(List<CryptoRequests.Sign> requests) {
        return each("crypto.sign", requests, request -> {
            byte[] message = data(request.message(), "message");
            try (UsableKey key = keys.resolve(required(request.key(), "key"), GrantOperation.SIGN, KeyUsage.SIGN,
                    KeyUse.PROTECT, null, true)) {
                SignatureAlgorithm algorithm = signatureAlgorithm(request.algorithm(), key);
                byte[] signature = Signatures.sign(algorithm, key.spec(), key.secret(), message);
                return done(new Signature(key.id(), key.version(), algorithm.externalName(), signature), key);
            }
        });
    }

    public List<Outcome<Validity>> verify(List<CryptoRequests.Verify> requests) {
        return each("crypto.verify", requests, request -> {
            byte[] message = data(request.message(), "message");
            byte[] signature = required(request.signature(), "signature");
            try (UsableKey key = keys.resolve(required(request.key(), "key"), GrantOperation.VERIFY, KeyUsage.VERIFY,
                    KeyUse.PROCESS, request.version(), false)) {
                SignatureAlgorithm algorithm = signatureAlgorithm(request.algorithm(), key);
                boolean valid = Signatures.verify(algorithm, key.spec(), key.publicKey(), message, signature);
                return done(new Validity(key.id(), key.version(), valid), key).detail("valid", valid);
            }
        });
    }

    public List<Outcome<MacValue>> mac(List<CryptoRequests.Mac> requests) {
        return each("crypto.mac", requests, request -> {
            byte[] message = data(request.message(), "message");
            try (UsableKey key = keys.resolve(required(request.key(), "key"), GrantOperation.MAC, KeyUsage.MAC,
                    KeyUse.PROTECT, null, true)) {
                return done(new MacValue(key.id(), key.version(), Macs.mac(key.spec(), key.secret(), message)), key);
            }
        });
    }

    public List<Outcome<Validity>> verifyMac(List<CryptoRequests.MacVerify> requests) {
        return each("crypto.mac.verify", requests, request -> {
            byte[] message = data(request.message(), "message");
            byte[] mac = required(request.mac(), "mac");
            try (UsableKey key = keys.resolve(required(request.key(), "key"), GrantOperation.MAC, KeyUsage.MAC,
                    KeyUse.PROCESS, request.version(), true)) {
                boolean valid = Macs.verify(key.spec(), key.secret(), message, mac);
                return done(new Validity(key.id(), key.version(), valid), key).detail("valid", valid);
            }
        });
    }

    public List<Outcome<WrappedDataKey>> dataKey(List<CryptoRequests.DataKey> requests) {
        return each("crypto.datakey", requests, request -> {
            int length = request.length() == null ? 256 : request.length();
            try (UsableKey key = keys.resolve(required(request.key(), "key"), GrantOperation.DATAKEY,
                    KeyUsage.ENCRYPT, KeyUse.PROTECT, null, true)) {
                requireAes(key);
                try (DataKey dataKey = DataKeys.generate(key.secret(), UUID.fromString(key.id()), key.version(), length,
                        aad(request.aad()))) {
                    byte[] plaintext = Boolean.TRUE.equals(request.includePlaintext()) ? dataKey.plaintext().copy()
                            : null;
                    return done(new WrappedDataKey(key.id(), key.version(), dataKey.ciphertextEnvelope(), plaintext), key)
                            .detail("length", length).detail("plaintextReturned", plaintext != null);
                }
            }
        });
    }

    public List<Outcome<Ciphertext>> rewrap(List<CryptoRequests.Rewrap> requests) {
        return each("crypto.rewrap", requests, request -> {
            CiphertextEnvelope envelope = envelope(request.ciphertext());
            byte[] aad = aad(request.aad());
            byte[] plaintext;
            try (UsableKey old = keys.resolve(envelope.keyId().toString(), GrantOperation.DECRYPT, KeyUsage.DECRYPT,
                    KeyUse.PROCESS, envelope.keyVersion(), true)) {
                plaintext = decrypt(envelope, old, aad);
            }
            try (UsableKey key = keys.resolve(envelope.keyId().toString(), GrantOperation.ENCRYPT, KeyUsage.ENCRYPT,
                    KeyUse.PROTECT, null, true)) {
                return done(new Ciphertext(key.id(), key.version(), encrypt(key, plaintext, aad)), key)
                        .detail("fromVersion", envelope.keyVersion());
            } finally {
                Arrays.fill(plaintext, (byte) 0);
            }
        });
    }

    public List<Outcome<RandomBytes>> random(List<CryptoRequests.Random> requests) {
        return each("crypto.random", requests, request -> {
            int length = request.length() == null ? 32 : request.length();
            return new Done<>(new RandomBytes(org.keyhaven.crypto.ops.RandomBytes.generate(length)), null, null,
                    new LinkedHashMap<String, Object>()).detail("length", length);
        });
    }

    /** One item's work: its value, the key version it used, and facts for its audit record. */
    private record Done<O>(O value, String keyId, Integer version, Map<String, Object> details) {

        Done<O> detail(String name, Object value) {
            details.put(name, value);
            return this;
        }
    }

    @FunctionalInterface
    private interface Work<I, O> {
        Done<O> perform(I item);
    }

    private <I, O> List<Outcome<O>> each(String operation, List<I> items, Work<I, O> work) {
        int max = Integer.getInteger(MAX_BATCH_PROPERTY, 1000);
        if (items.size() > max) {
            throw new KeyhavenException(ErrorCode.BATCH_TOO_LARGE, "a batch holds at most " + max + " items; got "
                    + items.size());
        }
        List<Outcome<O>> outcomes = new ArrayList<>(items.size());
        List<AuditEvent> events = new ArrayList<>(items.size());
        for (I item : items) {
            long started = System.nanoTime();
            boolean succeeded = false;
            try {
                if (item == null) {
                    throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "a batch item is null");
                }
                Done<O> done = work.perform(item);
                succeeded = true;
                outcomes.add(Outcome.of(done.value()));
                AuditEvent event = AuditEvent.of(operation).object(done.keyId(), done.version());
                done.details().forEach(event::detail);
                events.add(event);
            } catch (KeyhavenException e) {
                outcomes.add(Outcome.refused(e));
                events.add(AuditEvent.of(operation).object(e.objectId(), e.objectVersion()).failed(e.code()));
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, operation + " failed unexpectedly", e);
                KeyhavenException internal = new KeyhavenException(ErrorCode.INTERNAL, "internal error");
                outcomes.add(Outcome.refused(internal));
                events.add(AuditEvent.of(operation).failed(ErrorCode.INTERNAL));
            } finally {
                // each item is one operation for the monitoring figures, as it is one audit record
                meter.record(operation, succeeded, System.nanoTime() - started);
            }
        }
        audit.recordAllIndependently(events);
        outcomes.stream().map(Outcome::error).filter(e -> e != null).forEach(KeyhavenException::markAudited);
        return outcomes;
    }

    private static <O> Done<O> done(O value, UsableKey key) {
        return new Done<>(value, key.id(), key.version(), new LinkedHashMap<>());
    }

    private static byte[] encrypt(UsableKey key, byte[] plaintext, byte[] aad) {
        UUID id = UUID.fromString(key.id());
        if (key.spec().algorithm() == KeyAlgorithm.AES) {
            return Encryption.encryptAesGcm(key.secret(), id, key.version(), plaintext, aad);
        }
        if (key.spec().algorithm() == KeyAlgorithm.RSA) {
            return Encryption.encryptRsaOaep(key.publicKey(), id, key.version(), plaintext, aad);
        }
        throw new KeyhavenException(ErrorCode.KEY_NOT_USABLE, key.spec().algorithm().externalName()
                + " keys do not encrypt", key.id());
    }

    private static byte[] decrypt(CiphertextEnvelope envelope, UsableKey key, byte[] aad) {
        try {
            return Encryption.decrypt(envelope, key.spec(), key.secret(), aad);
        } catch (KeyhavenException e) {
            if (e.code() == ErrorCode.INTEGRITY_VIOLATION) {
                throw new KeyhavenException(ErrorCode.INVALID_CIPHERTEXT, "the ciphertext does not authenticate"
                        + " (altered, or other associated data)", key.id()).atVersion(key.version());
            }
            throw e;
        }
    }

    private static void requireAes(UsableKey key) {
        if (key.spec().algorithm() != KeyAlgorithm.AES) {
            throw new KeyhavenException(ErrorCode.KEY_NOT_USABLE, "data keys are wrapped by AES keys only", key.id());
        }
    }

    private static SignatureAlgorithm signatureAlgorithm(String name, UsableKey key) {
        SignatureAlgorithm algorithm = name == null ? SignatureAlgorithm.defaultFor(key.spec())
                : SignatureAlgorithm.parse(name);
        if (!algorithm.compatibleWith(key.spec())) {
            throw new KeyhavenException(ErrorCode.KEY_NOT_USABLE, algorithm.externalName() + " does not apply to "
                    + key.spec() + " keys", key.id());
        }
        return algorithm;
    }

    private static CiphertextEnvelope envelope(byte[] ciphertext) {
        try {
            return CiphertextEnvelope.parse(required(ciphertext, "ciphertext"));
        } catch (KeyhavenException e) {
            if (e.code() == ErrorCode.INVALID_REQUEST || e.code() == ErrorCode.INTEGRITY_VIOLATION) {
                throw new KeyhavenException(ErrorCode.INVALID_CIPHERTEXT, e.getMessage());
            }
            throw e;
        }
    }

    private static byte[] data(byte[] bytes, String field) {
        byte[] value = required(bytes, field);
        int max = Integer.getInteger(MAX_DATA_PROPERTY, 1024 * 1024);
        if (value.length > max) {
            throw new KeyhavenException(ErrorCode.PAYLOAD_TOO_LARGE, field + " exceeds " + max + " bytes");
        }
        return value;
    }

    private static byte[] aad(byte[] aad) {
        if (aad != null && aad.length > MAX_AAD) {
            throw new KeyhavenException(ErrorCode.PAYLOAD_TOO_LARGE, "aad exceeds " + MAX_AAD + " bytes");
        }
        return aad == null ? new byte[0] : aad;
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, field + " is required");
        }
        return value;
    }
}
