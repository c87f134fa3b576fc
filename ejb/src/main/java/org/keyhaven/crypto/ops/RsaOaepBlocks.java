package org.keyhaven.crypto.ops;

import java.security.interfaces.RSAPublicKey;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.AuthenticationFailedException;
import org.keyhaven.crypto.SecretBytes;
import org.keyhaven.key.KeyAlgorithm;

/**
 * Bare RSAES-OAEP blocks (no {@link CiphertextEnvelope}) for KMIP clients, who choose the OAEP hash, the MGF1 hash
 * and the label (P Source). Decryption has the same single failure as the envelopes: no padding oracle.
 */
public final class RsaOaepBlocks {

    private RsaOaepBlocks() {
    }

    /** @param label the P Source, empty when none */
    public static byte[] encrypt(byte[] publicKeySpki, Hash hash, Hash mgf1, byte[] plaintext, byte[] label) {
        Inputs.required(plaintext, "plaintext");
        RSAPublicKey key = RsaOaep.publicKey(publicKeySpki);
        int max = RsaOaep.maxPlaintextBytes(RsaOaep.modulusBytes(key), hash.bytes());
        if (plaintext.length > max) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "RSA-OAEP with " + hash.jcaName() + " and a "
                    + RsaOaep.modulusBits(key) + "-bit key encrypts at most " + max + " bytes; got "
                    + plaintext.length);
        }
        return RsaOaep.encrypt(key, new RsaOaep.OaepHashes(hash, mgf1), plaintext, Inputs.optional(label));
    }

    /**
     * @param privateKeyPkcs8 lent for this call
     * @throws AuthenticationFailedException whatever is wrong with the block or the label
     */
    public static byte[] decrypt(SecretBytes privateKeyPkcs8, Hash hash, Hash mgf1, byte[] block, byte[] label) {
        Inputs.required(block, "ciphertext");
        return PrivateKeys.apply(KeyAlgorithm.RSA, privateKeyPkcs8,
                key -> RsaOaep.decrypt(key, new RsaOaep.OaepHashes(hash, mgf1), block, Inputs.optional(label)));
    }
}
