package org.keyhaven.kmip.operation;

import org.keyhaven.crypto.ops.Hash;

/** One RSA-OAEP Encrypt or Decrypt: the OAEP hash, the MGF1 hash, the label (P Source, empty when none), the data. */
public record OaepRequest(Hash hash, Hash mgf1, byte[] label, byte[] data) {
}
