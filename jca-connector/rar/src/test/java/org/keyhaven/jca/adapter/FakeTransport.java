package org.keyhaven.jca.adapter;

import java.util.ArrayList;
import java.util.List;
import org.keyhaven.jca.api.Ciphertext;
import org.keyhaven.jca.api.DataKey;
import org.keyhaven.jca.api.KeyManagerException;
import org.keyhaven.jca.api.KeyMaterial;
import org.keyhaven.jca.api.MacValue;
import org.keyhaven.jca.api.Signature;

/** A transport that answers from memory, records the operations asked of it and fails on demand. */
final class FakeTransport implements Transport {

    final List<String> calls = new ArrayList<>();
    KeyManagerException failNext;
    RuntimeException crashNext;
    boolean valid = true;
    boolean closed;

    @Override
    public KeyMaterial getKey(String key, Integer version) throws KeyManagerException {
        record("getKey " + key + " " + version);
        int v = version == null ? 3 : version;
        return new KeyMaterial("id-" + key, key, v, "AES", "RAW", new byte[] {1, 2, 3, (byte) v}, null);
    }

    @Override
    public Ciphertext encrypt(String key, byte[] plaintext, byte[] aad) throws KeyManagerException {
        record("encrypt " + key);
        return new Ciphertext("id-" + key, 1, plaintext);
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, byte[] aad) throws KeyManagerException {
        record("decrypt");
        return ciphertext.clone();
    }

    @Override
    public Signature sign(String key, String algorithm, byte[] message) throws KeyManagerException {
        record("sign " + key + " " + algorithm);
        return new Signature("id-" + key, 2, algorithm == null ? "ECDSA-SHA256" : algorithm, new byte[] {9});
    }

    @Override
    public boolean verify(String key, String algorithm, byte[] message, byte[] signature, Integer version)
            throws KeyManagerException {
        record("verify " + key + " " + version);
        return true;
    }

    @Override
    public MacValue mac(String key, byte[] message) throws KeyManagerException {
        record("mac " + key);
        return new MacValue("id-" + key, 2, new byte[] {7});
    }

    @Override
    public boolean verifyMac(String key, byte[] message, byte[] mac, Integer version) throws KeyManagerException {
        record("verifyMac " + key + " " + version);
        return true;
    }

    @Override
    public DataKey generateDataKey(String key, int bits, byte[] aad) throws KeyManagerException {
        record("generateDataKey " + key);
        return new DataKey(new byte[bits / 8], new Ciphertext("id-" + key, 1, new byte[] {5}));
    }

    @Override
    public Ciphertext rewrap(byte[] ciphertext, byte[] aad) throws KeyManagerException {
        record("rewrap");
        return new Ciphertext("id-x", 2, ciphertext);
    }

    @Override
    public byte[] random(int length) throws KeyManagerException {
        record("random " + length);
        return new byte[length];
    }

    @Override
    public boolean valid() {
        return valid && !closed;
    }

    @Override
    public void close() {
        closed = true;
    }

    private void record(String call) throws KeyManagerException {
        calls.add(call);
        if (failNext != null) {
            KeyManagerException failure = failNext;
            failNext = null;
            throw failure;
        }
        if (crashNext != null) {
            RuntimeException crash = crashNext;
            crashNext = null;
            throw crash;
        }
    }
}
