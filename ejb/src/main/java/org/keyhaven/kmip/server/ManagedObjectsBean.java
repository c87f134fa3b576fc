package org.keyhaven.kmip.server;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.keyhaven.access.Roles;
import org.keyhaven.application.ClientAccess;
import org.keyhaven.application.RetrievedKey;
import org.keyhaven.audit.AuditEvent;
import org.keyhaven.audit.AuditLog;
import org.keyhaven.audit.AuditedOperation;
import org.keyhaven.audit.RefusalAudit;
import org.keyhaven.client.Client;
import org.keyhaven.client.GrantOperation;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;
import org.keyhaven.common.Times;
import org.keyhaven.crypto.AuthenticationFailedException;
import org.keyhaven.crypto.BlockCiphers;
import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.crypto.ops.Macs;
import org.keyhaven.crypto.ops.RandomBytes;
import org.keyhaven.crypto.ops.RsaOaepBlocks;
import org.keyhaven.crypto.ops.SignatureScheme;
import org.keyhaven.crypto.ops.Signatures;
import org.keyhaven.key.KeyAlgorithm;
import org.keyhaven.key.KeyDefinition;
import org.keyhaven.key.KeyKind;
import org.keyhaven.key.KeyRepository;
import org.keyhaven.key.KeyState.KeyUse;
import org.keyhaven.key.KeyUsage;
import org.keyhaven.key.KeyVersion;
import org.keyhaven.key.KeyView;
import org.keyhaven.key.ManagedKey;
import org.keyhaven.key.NewKeys;
import org.keyhaven.key.RevocationReason;
import org.keyhaven.kmip.operation.CipherOutput;
import org.keyhaven.kmip.operation.CipherPart;
import org.keyhaven.kmip.operation.CipherRequest;
import org.keyhaven.kmip.operation.KeyBlocks;
import org.keyhaven.kmip.operation.KmipAlgorithms;
import org.keyhaven.kmip.operation.LocateQuery;
import org.keyhaven.kmip.operation.ManagedObjects;
import org.keyhaven.kmip.operation.OaepRequest;
import org.keyhaven.kmip.operation.StandardAttribute;
import org.keyhaven.kmip.operation.StoredAttributes;
import org.keyhaven.kmip.operation.UsagePolicy;
import org.keyhaven.seal.MasterKeyHolder;
import org.keyhaven.seal.MasterKeyRing;

/**
 * The managed keys as a KMIP client sees them (see {@link ManagedObjects}): the same keys, lifecycle and audit as the
 * REST APIs. Each call is one container transaction: the change and its audit record commit together, a refusal is
 * audited on its own.
 */
@Stateless
@RolesAllowed(Roles.CLIENT)
@TransactionAttribute(TransactionAttributeType.REQUIRED)
@Interceptors(RefusalAudit.class)
public class ManagedObjectsBean implements ManagedObjects {

    private static final int LOCATE_PAGE = 500;

    @Inject
    private KeyRepository repository;

    @Inject
    private MasterKeyHolder keys;

    @EJB
    private ClientAccess access;

    @EJB
    private AuditLog audit;

    @Inject
    private CipherStreams streams;

    @Override
    @AuditedOperation("key.create")
    public KeyView create(KeyDefinition definition, boolean activate) {
        MasterKeyRing ring = keys.ring();
        Client client = creator(definition.name());
        ManagedKey key = NewKeys.generate(ring, definition, client.principalName(), Times.now(), activate);
        return created(key, "key.create");
    }

    @Override
    @AuditedOperation("key.register")
    public KeyView register(KeyDefinition definition, SecretBytes material, boolean activate) {
        MasterKeyRing ring = keys.ring();
        Client client = creator(definition.name());
        ManagedKey key = NewKeys.imported(ring, definition, material, client.principalName(), Times.now(), activate);
        return created(key, "key.register");
    }

    @Override
    @AuditedOperation("key.create")
    public List<KeyView> createKeyPair(KeyDefinition privateKey, KeyDefinition publicKey, boolean activatePrivate,
            boolean activatePublic) {
        MasterKeyRing ring = keys.ring();
        Client client = creator(privateKey.name());
        creator(publicKey.name());
        if (privateKey.name().equals(publicKey.name())) {
            throw new KeyhavenException(ErrorCode.DUPLICATE_NAME, "the private and the public key need names of"
                    + " their own");
        }
        NewKeys.KeyPair pair = NewKeys.generatePair(ring, privateKey, publicKey, client.principalName(), Times.now(),
                activatePrivate, activatePublic);
        link(pair.privateKey(), KmipAlgorithms.LINK_PUBLIC_KEY, pair.publicKey().id());
        link(pair.publicKey(), KmipAlgorithms.LINK_PRIVATE_KEY, pair.privateKey().id());
        return List.of(created(pair.privateKey(), "key.create"), created(pair.publicKey(), "key.create"));
    }

    private static void link(ManagedKey key, int linkType, String linkedId) {
        String name = StoredAttributes.key(StandardAttribute.LINK);
        key.setAttribute(name, StoredAttributes.withLink(key.attributes().get(name), linkType, linkedId));
    }

    @Override
    @AuditedOperation("key.register")
    public KeyView registerPrivateKey(KeyDefinition definition, SecretBytes pkcs8, boolean activate) {
        MasterKeyRing ring = keys.ring();
        Client client = creator(definition.name());
        return created(NewKeys.importedPrivateKey(ring, definition, pkcs8, client.principalName(), Times.now(),
                activate), "key.register");
    }

    @Override
    @AuditedOperation("key.register")
    public KeyView registerPublicKey(KeyDefinition definition, byte[] spki, boolean activate) {
        MasterKeyRing ring = keys.ring();
        Client client = creator(definition.name());
        return created(NewKeys.importedPublicKey(ring, definition, spki, client.principalName(), Times.now(),
                activate), "key.register");
    }

    @Override
    @AuditedOperation(value = "key.read", object = 0)
    public KeyView describe(String uniqueIdentifier) {
        keys.ring();
        ManagedKey key = visible(access.caller(), uniqueIdentifier);
        audit.record(AuditEvent.of("key.read").object(key.id(), key.currentVersion()).detail("protocol", "kmip"));
        return key.toView();
    }

    @Override
    @AuditedOperation(value = "key.read", object = 0)
    public Optional<byte[]> digest(String uniqueIdentifier) {
        MasterKeyRing ring = keys.ring();
        ManagedKey key = visible(access.caller(), uniqueIdentifier);
        KeyVersion version = key.version(key.currentVersion());
        if (!key.state().hasMaterial() || version.isDestroyed()) {
            return Optional.empty();
        }
        try (SecretBytes secret = version.unwrap(ring)) {
            return Optional.of(KeyBlocks.digest(key.toView(), secret));
        }
    }

    @Override
    @AuditedOperation("key.locate")
    public List<KeyView> locate(LocateQuery query) {
        keys.ring();
        Client client = access.caller();
        Set<KeyAlgorithm> algorithms = query.kind() == null ? null : algorithmsOf(query.kind());
        List<KeyView> found = new ArrayList<>();
        int skipped = 0;
        for (int first = 0; found.size() < query.maximum(); first += LOCATE_PAGE) {
            List<ManagedKey> page = repository.matching(query.name(), algorithms, query.state(), first, LOCATE_PAGE);
            for (ManagedKey key : page) {
                if (client.maySee(key.id(), key.name(), key.createdBy()) && query.rest().test(key.toView())) {
                    if (skipped < query.offset()) {
                        skipped++;
                    } else if (found.size() < query.maximum()) {
                        found.add(key.toView());
                    }
                }
            }
            if (page.size() < LOCATE_PAGE) {
                break;
            }
        }
        audit.record(AuditEvent.of("key.locate").detail("protocol", "kmip").detail("found", found.size()));
        return found;
    }

    @Override
    @AuditedOperation(value = "key.retrieve", object = 0)
    public RetrievedKey material(String uniqueIdentifier) {
        MasterKeyRing ring = keys.ring();
        Client client = access.caller();
        ManagedKey key = permitted(client, uniqueIdentifier, GrantOperation.RETRIEVE);
        int number = key.currentVersion();
        if (!key.exportable()) {
            throw new KeyhavenException(ErrorCode.KEY_NOT_EXPORTABLE, "key " + key.id() + " is not exportable",
                    key.id()).atVersion(number);
        }
        KeyVersion version = key.version(number);
        if (!key.state().hasMaterial() || version.isDestroyed()) {
            throw new KeyhavenException(ErrorCode.KEY_NOT_USABLE, "key " + key.id() + " is " + key.state()
                    + "; its material is gone", key.id()).atVersion(number);
        }
        byte[] material;
        try (SecretBytes secret = version.unwrap(ring)) {
            material = secret.copy();
        }
        audit.record(AuditEvent.of("key.retrieve").object(key.id(), number).detail("name", key.name())
                .detail("protocol", "kmip"));
        return new RetrievedKey(key.id(), key.name(), number, key.algorithm().externalName(), key.spec().lengthBits(),
                null, key.algorithm().kind() != KeyKind.ASYMMETRIC ? "RAW" : key.publicOnly() ? "X509" : "PKCS8",
                material, version.publicKey());
    }

    @Override
    @AuditedOperation(value = "key.activate", object = 0)
    public KeyView activate(String uniqueIdentifier) {
        ManagedKey key = managed(uniqueIdentifier);
        key.activate(Times.now());
        return changed(key, AuditEvent.of("key.activate"));
    }

    @Override
    @AuditedOperation(value = "key.activate", object = 0)
    public KeyView scheduleActivation(String uniqueIdentifier, Instant when) {
        ManagedKey key = managed(uniqueIdentifier);
        key.scheduleActivation(when, Times.now());
        return changed(key, AuditEvent.of("key.activate").detail("activationDate", when));
    }

    @Override
    @AuditedOperation(value = "key.revoke", object = 0)
    public KeyView revoke(String uniqueIdentifier, RevocationReason reason, String message) {
        ManagedKey key = managed(uniqueIdentifier);
        key.revoke(reason, message == null ? null : Texts.printable(message, 255), Times.now());
        return changed(key, AuditEvent.of("key.revoke").detail("reason", reason));
    }

    @Override
    @AuditedOperation(value = "key.destroy", object = 0)
    public KeyView destroy(String uniqueIdentifier) {
        ManagedKey key = managed(uniqueIdentifier);
        key.destroy(Times.now());
        return changed(key, AuditEvent.of("key.destroy"));
    }

    @Override
    @AuditedOperation(value = "key.attribute.set", object = 0)
    public KeyView editAttributes(String uniqueIdentifier, Map<String, String> set, Set<String> remove) {
        ManagedKey key = managed(uniqueIdentifier);
        remove.forEach(key::removeAttribute);
        set.forEach(key::setAttribute);
        return changed(key, AuditEvent.of("key.attribute.set").detail("names", set.keySet())
                .detail("removed", remove));
    }

    @Override
    @AuditedOperation(value = "crypto.encrypt", object = 0)
    public BlockCiphers.Encrypted encrypt(String uniqueIdentifier, CipherRequest request) {
        return withKey(uniqueIdentifier, GrantOperation.ENCRYPT, KeyUsage.ENCRYPT, KeyUse.PROTECT,
                request.data().length, "crypto.encrypt", (key, secret) -> {
                    requireCipherKey(key, request.mode());
                    return BlockCiphers.encrypt(secret, request.mode(), request.padding(), request.iv(),
                            request.ivLength(), request.data(), request.aad(), request.tagLength());
                });
    }

    @Override
    @AuditedOperation(value = "crypto.decrypt", object = 0)
    public byte[] decrypt(String uniqueIdentifier, CipherRequest request) {
        return withKey(uniqueIdentifier, GrantOperation.DECRYPT, KeyUsage.DECRYPT, KeyUse.PROCESS,
                request.data().length, "crypto.decrypt", (key, secret) -> {
                    requireCipherKey(key, request.mode());
                    try {
                        return BlockCiphers.decrypt(secret, request.mode(), request.padding(), request.iv(),
                                request.data(), request.aad(), request.tag());
                    } catch (AuthenticationFailedException e) {
                        throw new KeyhavenException(ErrorCode.INVALID_CIPHERTEXT, "the data does not authenticate"
                                + " (altered, or another key, nonce or associated data)", key.id());
                    }
                });
    }

    @Override
    @AuditedOperation(value = "crypto.part", object = 0)
    public CipherOutput cipherPart(String uniqueIdentifier, boolean encrypt, CipherRequest request, CipherPart part) {
        String operation = encrypt ? "crypto.encrypt" : "crypto.decrypt";
        Client client = access.caller();
        if (part.start()) {
            BlockCiphers.Stream stream = withKey(uniqueIdentifier, encrypt ? GrantOperation.ENCRYPT
                    : GrantOperation.DECRYPT, encrypt ? KeyUsage.ENCRYPT : KeyUsage.DECRYPT,
                    encrypt ? KeyUse.PROTECT : KeyUse.PROCESS, request.data().length, operation, (key, secret) -> {
                        requireCipherKey(key, request.mode());
                        return BlockCiphers.start(encrypt, secret, request.mode(), request.padding(), request.iv(),
                                request.ivLength(), request.aad(), request.tagLength());
                    });
            byte[] generated = request.iv() == null ? stream.iv() : null;
            if (part.last()) {
                return finished(stream, request, generated);
            }
            byte[] output = stream.update(request.data());
            return new CipherOutput(output, streams.add(client.principalName(), key(uniqueIdentifier), encrypt,
                    stream), generated, null);
        }
        String keyId = key(uniqueIdentifier);
        CipherStreams.Entry entry = streams.take(part.correlation(), client.principalName(), keyId, encrypt);
        boolean keep = false;
        try {
            checkUse(client, keyId, encrypt ? GrantOperation.ENCRYPT : GrantOperation.DECRYPT,
                    encrypt ? KeyUsage.ENCRYPT : KeyUsage.DECRYPT, encrypt ? KeyUse.PROTECT : KeyUse.PROCESS,
                    request.data().length);
            audit.record(AuditEvent.of(operation).object(keyId, null).detail("protocol", "kmip")
                    .detail("part", part.last() ? "last" : "next"));
            if (part.last()) {
                return finished(entry.stream(), request, null);
            }
            byte[] output = entry.stream().update(request.data());
            keep = true;
            return new CipherOutput(output, part.correlation(), null, null);
        } finally {
            if (keep) {
                streams.putBack(part.correlation(), entry);
            } else {
                entry.stream().close();
            }
        }
    }

    private static CipherOutput finished(BlockCiphers.Stream stream, CipherRequest request, byte[] generatedIv) {
        try {
            BlockCiphers.Encrypted end = stream.finish(request.data(), request.tag());
            return new CipherOutput(end.ciphertext(), null, generatedIv, end.tag());
        } catch (AuthenticationFailedException e) {
            throw new KeyhavenException(ErrorCode.INVALID_CIPHERTEXT, "the data does not authenticate (altered, or"
                    + " another key, nonce or associated data)");
        }
    }

    /** The id of a key the caller may see. */
    private String key(String uniqueIdentifier) {
        return visible(access.caller(), uniqueIdentifier).id();
    }

    @Override
    @AuditedOperation(value = "crypto.sign", object = 0)
    public byte[] sign(String uniqueIdentifier, SignatureScheme scheme, byte[] data) {
        return withKey(uniqueIdentifier, GrantOperation.SIGN, KeyUsage.SIGN, KeyUse.PROTECT, data.length,
                "crypto.sign", (key, secret) -> Signatures.sign(scheme, key.spec(), secret, data));
    }

    @Override
    @AuditedOperation(value = "crypto.verify", object = 0)
    public boolean verifySignature(String uniqueIdentifier, List<SignatureScheme> schemes, byte[] data,
            byte[] signature) {
        return withKey(uniqueIdentifier, GrantOperation.VERIFY, KeyUsage.VERIFY, KeyUse.PROCESS, data.length,
                "crypto.verify", (key, secret) -> schemes.stream().anyMatch(scheme -> Signatures.verify(scheme,
                        key.spec(), publicKey(key), data, signature)));
    }

    @Override
    @AuditedOperation(value = "crypto.encrypt", object = 0)
    public byte[] encryptOaep(String uniqueIdentifier, OaepRequest request) {
        return withKey(uniqueIdentifier, GrantOperation.ENCRYPT, KeyUsage.ENCRYPT, KeyUse.PROTECT,
                request.data().length, "crypto.encrypt", (key, secret) -> RsaOaepBlocks.encrypt(publicKey(key),
                        request.hash(), request.mgf1(), request.data(), request.label()));
    }

    @Override
    @AuditedOperation(value = "crypto.decrypt", object = 0)
    public byte[] decryptOaep(String uniqueIdentifier, OaepRequest request) {
        return withKey(uniqueIdentifier, GrantOperation.DECRYPT, KeyUsage.DECRYPT, KeyUse.PROCESS,
                request.data().length, "crypto.decrypt", (key, secret) -> {
                    if (key.publicOnly()) {
                        throw new KeyhavenException(ErrorCode.KEY_NOT_USABLE, "key " + key.id() + " is a public"
                                + " key, which cannot decrypt", key.id());
                    }
                    try {
                        return RsaOaepBlocks.decrypt(secret, request.hash(), request.mgf1(), request.data(),
                                request.label());
                    } catch (AuthenticationFailedException e) {
                        throw new KeyhavenException(ErrorCode.INVALID_CIPHERTEXT, "the data does not decrypt under"
                                + " this key and these parameters", key.id());
                    }
                });
    }

    /** The public key of an RSA, EC or Ed25519 key (a private key knows its public key). */
    private static byte[] publicKey(ManagedKey key) {
        byte[] spki = key.version(key.currentVersion()).publicKey();
        if (spki == null) {
            throw new KeyhavenException(ErrorCode.KEY_NOT_USABLE, "key " + key.id() + " is " + key.spec()
                    + ", which has no public key", key.id());
        }
        return spki;
    }

    @Override
    @AuditedOperation(value = "crypto.mac", object = 0)
    public byte[] mac(String uniqueIdentifier, byte[] data) {
        return withKey(uniqueIdentifier, GrantOperation.MAC, KeyUsage.MAC, KeyUse.PROTECT, data.length,
                "crypto.mac", (key, secret) -> Macs.mac(key.spec(), secret, data));
    }

    @Override
    @AuditedOperation(value = "crypto.mac.verify", object = 0)
    public boolean verifyMac(String uniqueIdentifier, byte[] data, byte[] mac) {
        return withKey(uniqueIdentifier, GrantOperation.MAC, KeyUsage.MAC, KeyUse.PROCESS, data.length,
                "crypto.mac.verify", (key, secret) -> Macs.verify(key.spec(), secret, data, mac));
    }

    @Override
    @AuditedOperation("crypto.random")
    public byte[] random(int length) {
        access.caller();
        byte[] bytes = RandomBytes.generate(length);
        audit.record(AuditEvent.of("crypto.random").detail("length", length).detail("protocol", "kmip"));
        return bytes;
    }

    /** A use of a key's material inside the server; the material is wiped when the work is done. */
    @FunctionalInterface
    private interface KeyWork<T> {
        T perform(ManagedKey key, SecretBytes secret);
    }

    /**
     * Checks the grant (or ownership), usage, state, periods and usage limits, spends the limit, runs the work
     * on the current version and audits it in this transaction.
     */
    private <T> T withKey(String uniqueIdentifier, GrantOperation operation, KeyUsage usage, KeyUse use,
            long bytes, String auditOperation, KeyWork<T> work) {
        MasterKeyRing ring = keys.ring();
        ManagedKey key = checkUse(access.caller(), uniqueIdentifier, operation, usage, use, bytes);
        int number = key.currentVersion();
        T result;
        try (SecretBytes secret = key.version(number).unwrap(ring)) {
            result = work.perform(key, secret);
        }
        audit.record(AuditEvent.of(auditOperation).object(key.id(), number).detail("protocol", "kmip"));
        return result;
    }

    /**
     * The key, if the client may use it this way now: grant (or ownership), usage, state, periods; spends its
     * usage limit.
     */
    private ManagedKey checkUse(Client client, String uniqueIdentifier, GrantOperation operation, KeyUsage usage,
            KeyUse use, long bytes) {
        keys.ring();
        ManagedKey key = permitted(client, uniqueIdentifier, operation);
        int number = key.currentVersion();
        if (!key.usages().contains(usage)) {
            throw new KeyhavenException(ErrorCode.FORBIDDEN, "the key's Cryptographic Usage Mask does not allow"
                    + " " + usage.name().toLowerCase(Locale.ROOT), key.id()).atVersion(number);
        }
        if (!key.state().permits(use)) {
            throw new KeyhavenException(ErrorCode.KEY_NOT_USABLE, "the key is " + key.state() + " and cannot be"
                    + " used for this", key.id()).atVersion(number);
        }
        UsagePolicy.checkPeriods(key.attributes(), use == KeyUse.PROTECT, Times.now());
        Optional<String> spent = UsagePolicy.consume(key.attributes(), bytes);
        if (spent.isPresent()) {
            key = repository.getForUpdate(key.id());
            spent = UsagePolicy.consume(key.attributes(), bytes);
            key.setAttribute(StoredAttributes.key(StandardAttribute.USAGE_LIMITS), spent.orElseThrow());
            repository.flush(key);
        }
        return key;
    }

    /** AES keys for the AES modes, ChaCha20 keys for the ChaCha20 ones. */
    private static void requireCipherKey(ManagedKey key, BlockCiphers.Mode mode) {
        KeyAlgorithm wanted = mode.chacha() ? KeyAlgorithm.CHACHA20 : KeyAlgorithm.AES;
        if (key.algorithm() != wanted) {
            throw new KeyhavenException(ErrorCode.KEY_NOT_USABLE, mode + " takes " + wanted.externalName()
                    + " keys; key " + key.id() + " is " + key.spec(), key.id());
        }
    }

    @Override
    @AuditedOperation("kmip.log")
    public void log(String message) {
        access.caller();
        audit.record(AuditEvent.of("kmip.log").detail("message", Texts.printable(message, 1000)));
    }

    @Override
    @AuditedOperation(value = "key.rotate", object = 0)
    public KeyView reKey(String uniqueIdentifier) {
        MasterKeyRing ring = keys.ring();
        ManagedKey key = managed(uniqueIdentifier);
        if (key.algorithm().kind() == KeyKind.ASYMMETRIC) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "Re-key makes new symmetric keys; key pairs are"
                    + " re-keyed together (Re-key Key Pair), which Keyhaven does not offer", key.id());
        }
        key.rotate(NewKeys.nextVersion(ring, key), Times.now());
        return changed(key, AuditEvent.of("key.rotate").detail("trigger", "kmip re-key"));
    }

    /** The calling client, which must hold a create grant covering the new key's name. */
    private Client creator(String name) {
        Client client = access.caller();
        if (!client.permits(GrantOperation.CREATE, null, name)) {
            throw new KeyhavenException(ErrorCode.NOT_GRANTED, "creating a key named '" + Texts.printable(name, 80)
                    + "' is not granted to this client");
        }
        if (repository.findByName(name).isPresent()) {
            throw new KeyhavenException(ErrorCode.DUPLICATE_NAME, "a key named '" + Texts.printable(name, 80)
                    + "' exists");
        }
        return client;
    }

    private KeyView created(ManagedKey key, String operation) {
        repository.add(key);
        audit.record(AuditEvent.of(operation).object(key.id(), key.currentVersion()).detail("name", key.name())
                .detail("algorithm", key.spec()).detail("usage", key.usages()).detail("exportable", key.exportable())
                .detail("state", key.state()).detail("protocol", "kmip"));
        return key.toView();
    }

    /** A key the client may change: it owns it or holds the manage grant; locked for the transaction. */
    private ManagedKey managed(String uniqueIdentifier) {
        keys.ring();
        ManagedKey key = permitted(access.caller(), uniqueIdentifier, GrantOperation.MANAGE);
        return repository.getForUpdate(key.id());
    }

    private ManagedKey permitted(Client client, String uniqueIdentifier, GrantOperation operation) {
        ManagedKey key = visible(client, uniqueIdentifier);
        if (!client.owns(key.createdBy()) && !client.permits(operation, key.id(), key.name())) {
            throw new KeyhavenException(ErrorCode.NOT_GRANTED, operation.name().toLowerCase(Locale.ROOT)
                    + " is not granted to this client for key " + key.id(), key.id());
        }
        return key;
    }

    /** The key, if the client may see it; "not found" otherwise, so that identifiers reveal nothing. */
    private ManagedKey visible(Client client, String uniqueIdentifier) {
        return repository.findById(uniqueIdentifier)
                .filter(key -> client.maySee(key.id(), key.name(), key.createdBy()))
                .orElseThrow(() -> new KeyhavenException(ErrorCode.KEY_NOT_FOUND, "no object with Unique Identifier '"
                        + Texts.printable(uniqueIdentifier, 80) + "'"));
    }

    private KeyView changed(ManagedKey key, AuditEvent event) {
        repository.flush(key);
        audit.record(event.object(key.id(), key.currentVersion()).detail("state", key.state())
                .detail("protocol", "kmip"));
        return key.toView();
    }

    private static Set<KeyAlgorithm> algorithmsOf(KeyKind kind) {
        Set<KeyAlgorithm> algorithms = EnumSet.noneOf(KeyAlgorithm.class);
        for (KeyAlgorithm algorithm : KeyAlgorithm.values()) {
            if (algorithm.kind() == kind) {
                algorithms.add(algorithm);
            }
        }
        return algorithms;
    }
}
