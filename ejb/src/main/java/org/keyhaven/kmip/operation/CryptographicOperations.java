package org.keyhaven.kmip.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.keyhaven.crypto.BlockCiphers;
import org.keyhaven.key.KeyAlgorithm;
import org.keyhaven.key.KeyView;
import org.keyhaven.kmip.message.KmipFailure;
import org.keyhaven.kmip.message.OperationContext;
import org.keyhaven.kmip.message.ProtocolVersion;
import org.keyhaven.kmip.message.ResultReason;
import org.keyhaven.kmip.message.StructureBuilder;
import org.keyhaven.kmip.message.Tags;
import org.keyhaven.kmip.ttlv.TtlvBoolean;
import org.keyhaven.kmip.ttlv.TtlvByteString;
import org.keyhaven.kmip.ttlv.TtlvInteger;
import org.keyhaven.kmip.ttlv.TtlvItem;
import org.keyhaven.kmip.ttlv.TtlvStructure;

/**
 * Encrypt, Decrypt (symmetric ciphers, and RSA-OAEP with RSA keys), Sign, Signature Verify, MAC, MAC Verify,
 * Hash and RNG Retrieve. The Cryptographic Parameters are the request's, field by
 * field over those the key was given as its Cryptographic Parameters attribute. The key material stays in the
 * server: the managed objects do the cryptography.
 */
final class CryptographicOperations {

    private static final int MODE_CBC = 0x01;
    private static final int MODE_ECB = 0x02;
    private static final int MODE_CTR = 0x06;
    private static final int MODE_GCM = 0x09;
    private static final int MODE_AEAD = 0x12;
    private static final int PADDING_NONE = 0x01;
    private static final int PADDING_PKCS5 = 0x03;
    private static final int VALID = 0x01;
    private static final int INVALID = 0x02;
    private static final int DEFAULT_TAG = 16;

    private final ManagedObjects objects;

    CryptographicOperations(ManagedObjects objects) {
        this.objects = objects;
    }

    TtlvStructure encrypt(OperationContext context, TtlvStructure payload) {
        String id = Payloads.uniqueIdentifier(context, payload);
        Optional<CipherPart> part = part(payload);
        if (part.isPresent()) {
            return multiPart(context, payload, id, true, part.get());
        }
        KeyView key = objects.describe(id);
        TtlvStructure parameters = parameters(payload, key);
        if (isRsa(key)) {
            return Payloads.response().text(Tags.UNIQUE_IDENTIFIER, id).bytes(Tags.DATA,
                    objects.encryptOaep(id, AsymmetricParameters.oaep(parameters, data(payload)))).build();
        }
        byte[] iv = payload.find(Tags.IV_COUNTER_NONCE, TtlvByteString.class).map(TtlvByteString::value)
                .orElse(null);
        CipherRequest request = cipherRequest(context.version(), key, parameters, payload, iv, null, true);
        BlockCiphers.Encrypted encrypted = objects.encrypt(id, request);
        StructureBuilder response = Payloads.response().text(Tags.UNIQUE_IDENTIFIER, id)
                .bytes(Tags.DATA, encrypted.ciphertext());
        if (request.iv() == null && encrypted.iv() != null) {
            response.bytes(Tags.IV_COUNTER_NONCE, encrypted.iv());
        }
        if (encrypted.tag() != null) {
            response.bytes(Tags.AUTHENTICATED_ENCRYPTION_TAG, encrypted.tag());
        }
        return response.build();
    }

    TtlvStructure decrypt(OperationContext context, TtlvStructure payload) {
        String id = Payloads.uniqueIdentifier(context, payload);
        Optional<CipherPart> part = part(payload);
        if (part.isPresent()) {
            return multiPart(context, payload, id, false, part.get());
        }
        KeyView key = objects.describe(id);
        TtlvStructure parameters = parameters(payload, key);
        if (isRsa(key)) {
            return Payloads.response().text(Tags.UNIQUE_IDENTIFIER, id).bytes(Tags.DATA,
                    objects.decryptOaep(id, AsymmetricParameters.oaep(parameters, data(payload)))).build();
        }
        byte[] iv = payload.find(Tags.IV_COUNTER_NONCE, TtlvByteString.class).map(TtlvByteString::value)
                .orElse(null);
        byte[] tag = payload.find(Tags.AUTHENTICATED_ENCRYPTION_TAG, TtlvByteString.class)
                .map(TtlvByteString::value).orElse(null);
        CipherRequest request = cipherRequest(context.version(), key, parameters, payload, iv, tag, false);
        if (request.mode() != BlockCiphers.Mode.ECB && iv == null) {
            throw new KmipFailure(ResultReason.INVALID_MESSAGE, "the IV, counter or nonce is missing");
        }
        if (request.mode() == BlockCiphers.Mode.GCM && tag == null) {
            throw new KmipFailure(ResultReason.INVALID_MESSAGE, "the Authenticated Encryption Tag is missing");
        }
        return Payloads.response().text(Tags.UNIQUE_IDENTIFIER, id).bytes(Tags.DATA, objects.decrypt(id, request))
                .build();
    }

    /** A part of a multi-part operation, if the request is one (Init Indicator, Correlation Value). */
    private static Optional<CipherPart> part(TtlvStructure payload) {
        boolean init = payload.find(Tags.INIT_INDICATOR, TtlvBoolean.class).map(TtlvBoolean::value).orElse(false);
        boolean last = payload.find(Tags.FINAL_INDICATOR, TtlvBoolean.class).map(TtlvBoolean::value).orElse(false);
        byte[] correlation = payload.find(Tags.CORRELATION_VALUE, TtlvByteString.class).map(TtlvByteString::value)
                .orElse(null);
        if (!init && correlation == null) {
            return Optional.empty();
        }
        if (init == (correlation != null)) {
            throw new KmipFailure(ResultReason.INVALID_FIELD, "a multi-part operation starts with the Init Indicator"
                    + " and continues with the Correlation Value, never both");
        }
        return Optional.of(new CipherPart(init, last, correlation));
    }

    private TtlvStructure multiPart(OperationContext context, TtlvStructure payload, String id, boolean encrypt,
            CipherPart part) {
        byte[] iv = payload.find(Tags.IV_COUNTER_NONCE, TtlvByteString.class).map(TtlvByteString::value)
                .orElse(null);
        byte[] tag = payload.find(Tags.AUTHENTICATED_ENCRYPTION_TAG, TtlvByteString.class)
                .map(TtlvByteString::value).orElse(null);
        // later parts continue with the parameters the first part set; only their data and tag matter
        CipherRequest request = part.start()
                ? cipherRequest(context.version(), objects.describe(id), payload, iv, tag, encrypt)
                : new CipherRequest(BlockCiphers.Mode.ECB, BlockCiphers.Padding.NONE, null, 0, 0, data(payload), null,
                        tag);
        CipherOutput output = objects.cipherPart(id, encrypt, request, part);
        StructureBuilder response = Payloads.response().text(Tags.UNIQUE_IDENTIFIER, id)
                .bytes(Tags.DATA, output.data());
        if (output.iv() != null) {
            response.bytes(Tags.IV_COUNTER_NONCE, output.iv());
        }
        if (output.correlation() != null) {
            response.bytes(Tags.CORRELATION_VALUE, output.correlation());
        }
        if (output.tag() != null) {
            response.bytes(Tags.AUTHENTICATED_ENCRYPTION_TAG, output.tag());
        }
        return response.build();
    }

    TtlvStructure sign(OperationContext context, TtlvStructure payload) {
        String id = Payloads.uniqueIdentifier(context, payload);
        requireWholeMessage(payload);
        KeyView key = objects.describe(id);
        byte[] signature = objects.sign(id, AsymmetricParameters.signing(parameters(payload, key), key),
                data(payload));
        return Payloads.response().text(Tags.UNIQUE_IDENTIFIER, id).bytes(Tags.SIGNATURE_DATA, signature).build();
    }

    TtlvStructure signatureVerify(OperationContext context, TtlvStructure payload) {
        String id = Payloads.uniqueIdentifier(context, payload);
        requireWholeMessage(payload);
        KeyView key = objects.describe(id);
        byte[] signature = payload.get(Tags.SIGNATURE_DATA, TtlvByteString.class).value();
        boolean valid = objects.verifySignature(id, AsymmetricParameters.verifying(parameters(payload, key), key),
                data(payload), signature);
        return Payloads.response().text(Tags.UNIQUE_IDENTIFIER, id)
                .enumeration(Tags.VALIDITY_INDICATOR, valid ? VALID : INVALID).build();
    }

    /** Hash: a digest of the data, with no key (SHA-1 or SHA-2). */
    TtlvStructure hash(OperationContext context, TtlvStructure payload) {
        requireWholeMessage(payload);
        TtlvStructure parameters = payload.find(Tags.CRYPTOGRAPHIC_PARAMETERS, TtlvStructure.class).orElseThrow(
                () -> new KmipFailure(ResultReason.MISSING_DATA, "Hash needs Cryptographic Parameters"));
        return Payloads.response().bytes(Tags.DATA, AsymmetricParameters.hash(parameters, Tags.HASHING_ALGORITHM,
                null).digest(data(payload))).build();
    }

    /** Signatures (and hashes) are over whole messages: no pre-hashed data, no multi-part signing. */
    private static void requireWholeMessage(TtlvStructure payload) {
        if (payload.find(Tags.DIGESTED_DATA).isPresent() || payload.find(Tags.INIT_INDICATOR).isPresent()
                || payload.find(Tags.CORRELATION_VALUE).isPresent()) {
            throw new KmipFailure(ResultReason.FEATURE_NOT_SUPPORTED, "the whole message comes in one request:"
                    + " Digested Data and multi-part operations are not supported here");
        }
    }

    private static boolean isRsa(KeyView key) {
        return KeyAlgorithm.parse(key.algorithm()) == KeyAlgorithm.RSA;
    }

    TtlvStructure mac(OperationContext context, TtlvStructure payload) {
        String id = Payloads.uniqueIdentifier(context, payload);
        return Payloads.response().text(Tags.UNIQUE_IDENTIFIER, id)
                .bytes(Tags.MAC_DATA, objects.mac(id, data(payload))).build();
    }

    TtlvStructure macVerify(OperationContext context, TtlvStructure payload) {
        String id = Payloads.uniqueIdentifier(context, payload);
        byte[] mac = payload.get(Tags.MAC_DATA, TtlvByteString.class).value();
        boolean valid = objects.verifyMac(id, data(payload), mac);
        return Payloads.response().text(Tags.UNIQUE_IDENTIFIER, id)
                .enumeration(Tags.VALIDITY_INDICATOR, valid ? VALID : INVALID).build();
    }

    TtlvStructure rngRetrieve(OperationContext context, TtlvStructure payload) {
        int length = payload.get(Tags.DATA_LENGTH, TtlvInteger.class).value();
        return Payloads.response().bytes(Tags.DATA, objects.random(length)).build();
    }

    /** The request's Cryptographic Parameters over the key's: a field the request gives wins. */
    private static TtlvStructure parameters(TtlvStructure payload, KeyView key) {
        List<TtlvItem> merged = new ArrayList<>(payload.find(Tags.CRYPTOGRAPHIC_PARAMETERS, TtlvStructure.class)
                .map(TtlvStructure::children).orElse(List.of()));
        String stored = key.attributes().get(StoredAttributes.key(StandardAttribute.CRYPTOGRAPHIC_PARAMETERS));
        if (stored != null) {
            for (TtlvItem field : StoredAttributes.decode(stored).get(0).as(TtlvStructure.class).children()) {
                if (merged.stream().noneMatch(given -> given.tag().equals(field.tag()))) {
                    merged.add(field);
                }
            }
        }
        return new TtlvStructure(Tags.CRYPTOGRAPHIC_PARAMETERS, merged);
    }

    /** @param encrypt whether a Random IV (the server chooses it) applies */
    private static CipherRequest cipherRequest(ProtocolVersion version, KeyView key, TtlvStructure payload,
            byte[] iv, byte[] tag, boolean encrypt) {
        return cipherRequest(version, key, parameters(payload, key), payload, iv, tag, encrypt);
    }

    private static CipherRequest cipherRequest(ProtocolVersion version, KeyView key, TtlvStructure parameters,
            TtlvStructure payload, byte[] iv, byte[] tag, boolean encrypt) {
        Integer given = Payloads.enumeration(parameters, Tags.BLOCK_CIPHER_MODE).orElse(null);
        boolean chachaKey = KeyAlgorithm.parse(key.algorithm()) == KeyAlgorithm.CHACHA20;
        if (given == null && !chachaKey) {
            throw new KmipFailure(ResultReason.MISSING_DATA, "no Block Cipher Mode: give Cryptographic Parameters");
        }
        // a ChaCha20 key without a mode is the ChaCha20 stream cipher
        BlockCiphers.Mode mode = given == null ? BlockCiphers.Mode.CHACHA20 : switch (given) {
            case MODE_ECB -> BlockCiphers.Mode.ECB;
            case MODE_CBC -> BlockCiphers.Mode.CBC;
            case MODE_CTR -> BlockCiphers.Mode.CTR;
            case MODE_GCM -> BlockCiphers.Mode.GCM;
            case MODE_AEAD -> BlockCiphers.Mode.CHACHA20_POLY1305;
            default -> throw new KmipFailure(ResultReason.UNSUPPORTED_CRYPTOGRAPHIC_PARAMETERS, "Block Cipher Mode "
                    + given + " is not supported; ECB, CBC, CTR, GCM and (with ChaCha20 keys) AEAD are");
        };
        int paddingCode = Payloads.enumeration(parameters, Tags.PADDING_METHOD).orElse(PADDING_NONE);
        BlockCiphers.Padding padding = switch (paddingCode) {
            case PADDING_NONE -> BlockCiphers.Padding.NONE;
            case PADDING_PKCS5 -> BlockCiphers.Padding.PKCS5;
            default -> throw new KmipFailure(ResultReason.UNSUPPORTED_CRYPTOGRAPHIC_PARAMETERS, "Padding Method "
                    + paddingCode + " is not supported; None and PKCS5 are");
        };
        int tagLength = tag != null ? tag.length
                : Payloads.integer(parameters, Tags.TAG_LENGTH).orElse(DEFAULT_TAG);
        boolean aead = mode == BlockCiphers.Mode.GCM || mode == BlockCiphers.Mode.CHACHA20_POLY1305;
        if (aead && !version.atLeast(ProtocolVersion.V1_4)) {
            throw new KmipFailure(ResultReason.FEATURE_NOT_SUPPORTED, mode + " needs KMIP 1.4 or later: earlier"
                    + " versions have no field for the authentication tag or the associated data");
        }
        if (mode == BlockCiphers.Mode.GCM && !(tagLength == 4 || tagLength == 8 || tagLength >= 12 && tagLength <= 16)) {
            // the reason the OASIS cases give for a tag length SP 800-38D does not allow
            throw new KmipFailure(ResultReason.GENERAL_FAILURE, "invalid tag length " + tagLength
                    + " (GCM tags are 4, 8 or 12 to 16 bytes)");
        }
        boolean randomIv = parameters.find(Tags.RANDOM_IV, TtlvBoolean.class).map(TtlvBoolean::value).orElse(false);
        int ivBits = Payloads.integer(parameters, Tags.IV_LENGTH).orElse(0);
        byte[] aad = payload.find(Tags.AUTHENTICATED_ENCRYPTION_ADDITIONAL_DATA, TtlvByteString.class)
                .map(TtlvByteString::value).orElse(null);
        return new CipherRequest(mode, padding, encrypt && randomIv ? null : iv, ivBits / 8, tagLength,
                data(payload), aad, tag);
    }

    private static byte[] data(TtlvStructure payload) {
        return payload.get(Tags.DATA, TtlvByteString.class).value();
    }
}
