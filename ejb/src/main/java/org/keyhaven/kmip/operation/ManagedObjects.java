package org.keyhaven.kmip.operation;

import java.util.List;
import org.keyhaven.application.RetrievedKey;
import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.crypto.ops.SignatureScheme;
import org.keyhaven.key.KeyDefinition;
import org.keyhaven.key.KeyView;
import org.keyhaven.key.RevocationReason;

/**
 * The managed keys as the calling KMIP client may see and change them: the keys it owns (created over KMIP) and
 * those its grants cover. A key the client may not see does not exist for it (Item Not Found, whether or not it
 * exists); a visible key whose operation is not granted is Permission Denied. Every change is audited in its own
 * transaction together with the change.
 */
public interface ManagedObjects {

    /** A new key with generated material, owned by the caller; needs a create grant covering its name. */
    KeyView create(KeyDefinition definition, boolean activate);

    /** A new key with the caller's material (lent; the caller wipes it), owned by the caller. */
    KeyView register(KeyDefinition definition, SecretBytes material, boolean activate);

    /**
     * A new key pair with generated material: the private key and the public key as two objects, each linked to the
     * other, owned by the caller; needs a create grant covering both names.
     *
     * @return the private key, then the public key
     */
    List<KeyView> createKeyPair(KeyDefinition privateKey, KeyDefinition publicKey, boolean activatePrivate,
            boolean activatePublic);

    /** A private key the caller brings (PKCS#8, lent; the caller wipes it), owned by the caller. */
    KeyView registerPrivateKey(KeyDefinition definition, SecretBytes pkcs8, boolean activate);

    /** A public key the caller brings (X.509 SubjectPublicKeyInfo), owned by the caller. */
    KeyView registerPublicKey(KeyDefinition definition, byte[] spki, boolean activate);

    KeyView describe(String uniqueIdentifier);

    /**
     * The SHA-256 of the current version's material as Get returns it by default ({@link KeyBlocks#digest}, the
     * KMIP Digest); empty once it is destroyed.
     * Needs only that the key be visible: a digest reveals nothing of the material.
     */
    java.util.Optional<byte[]> digest(String uniqueIdentifier);

    /** The visible keys that match, newest first. */
    List<KeyView> locate(LocateQuery query);

    /** The current version's material; needs the retrieve grant (or ownership) and an exportable key. */
    RetrievedKey material(String uniqueIdentifier);

    KeyView activate(String uniqueIdentifier);

    /** Sets when a Pre-Active key becomes Active (at once if the time has come). */
    KeyView scheduleActivation(String uniqueIdentifier, java.time.Instant when);

    KeyView revoke(String uniqueIdentifier, RevocationReason reason, String message);

    KeyView destroy(String uniqueIdentifier);

    /** Sets and removes attributes of the key in one change; needs the manage grant (or ownership). */
    KeyView editAttributes(String uniqueIdentifier, java.util.Map<String, String> set, java.util.Set<String> remove);

    /**
     * Encrypts with a symmetric key: needs the encrypt grant (or ownership), the Encrypt usage, an Active key within
     * its protection period and usage limits.
     */
    org.keyhaven.crypto.BlockCiphers.Encrypted encrypt(String uniqueIdentifier, CipherRequest request);

    /** Decrypts: the decrypt grant, the Decrypt usage, a key that still processes data (Active, Deactivated, ...). */
    byte[] decrypt(String uniqueIdentifier, CipherRequest request);

    /**
     * One part of a multi-part Encrypt or Decrypt: the first part is checked like a single operation and starts it,
     * later parts continue it (only the client that started it, on the same key), the last part finishes it.
     * Every part is checked against the key's state and limits again, and audited.
     */
    CipherOutput cipherPart(String uniqueIdentifier, boolean encrypt, CipherRequest request, CipherPart part);

    /** A signature with a private key (sign grant, Sign usage, Active); SHA-1 schemes are refused. */
    byte[] sign(String uniqueIdentifier, SignatureScheme scheme, byte[] data);

    /**
     * Whether the signature is valid under any of the schemes (several when the client left a parameter open, such
     * as the PSS salt length): verify grant, Verify usage, a key that still processes data.
     */
    boolean verifySignature(String uniqueIdentifier, List<SignatureScheme> schemes, byte[] data, byte[] signature);

    /** RSA-OAEP encryption with the key's public key (encrypt grant, Encrypt usage, Active). */
    byte[] encryptOaep(String uniqueIdentifier, OaepRequest request);

    /** RSA-OAEP decryption with a private key (decrypt grant, Decrypt usage, a key that still processes data). */
    byte[] decryptOaep(String uniqueIdentifier, OaepRequest request);

    /** A MAC with an HMAC key (mac grant, MAC usage, Active). */
    byte[] mac(String uniqueIdentifier, byte[] data);

    /** Whether the MAC is right, compared in constant time. */
    boolean verifyMac(String uniqueIdentifier, byte[] data, byte[] mac);

    /** Random bytes from the server's DRBG. */
    byte[] random(int length);

    /** Records a client's Log message in the audit trail (bounded, printable). */
    void log(String message);

    /** A new version of the key (Re-key keeps the identifier: Keyhaven keys are versioned). */
    KeyView reKey(String uniqueIdentifier);
}
