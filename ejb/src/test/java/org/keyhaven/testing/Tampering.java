package org.keyhaven.testing;

/** What an attacker does to bytes on the wire or on disk. */
public final class Tampering {

    private Tampering() {
    }

    /** A copy with bit {@code bit} (0 = least significant bit of byte 0) inverted. */
    public static byte[] flipBit(byte[] data, int bit) {
        byte[] copy = data.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }
}
