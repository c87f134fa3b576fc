package org.keyhaven.kmip.operation;

import org.keyhaven.crypto.BlockCiphers;

/**
 * One KMIP Encrypt or Decrypt, its Cryptographic Parameters resolved (the request's, else the key's).
 *
 * @param iv the IV, counter or nonce the client gave; null for none
 * @param ivLength the length of an IV to generate, in bytes (0: the mode's usual length)
 * @param tagLength the GCM tag length in bytes
 * @param aad GCM associated data; null for none
 * @param tag the GCM tag (Decrypt); null otherwise
 */
public record CipherRequest(BlockCiphers.Mode mode, BlockCiphers.Padding padding, byte[] iv, int ivLength,
        int tagLength, byte[] data, byte[] aad, byte[] tag) {

    @Override
    public String toString() {
        return "CipherRequest[" + mode + "/" + padding + ", " + data.length + " bytes]";
    }
}
