package org.keyhaven.crypto;

import org.bouncycastle.util.encoders.Hex;

/** Test data helpers: published vectors are written in hex, split into readable chunks. */
final class TestBytes {

    private TestBytes() {
    }

    static byte[] hex(String... parts) {
        return Hex.decode(String.join("", parts).replace(" ", ""));
    }

    static SecretBytes secret(String... hexParts) {
        return SecretBytes.adopt(hex(hexParts));
    }

    static byte[] repeat(int value, int count) {
        byte[] bytes = new byte[count];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    static byte[] flipBit(byte[] data, int index) {
        byte[] copy = data.clone();
        copy[index] ^= 0x01;
        return copy;
    }
}
