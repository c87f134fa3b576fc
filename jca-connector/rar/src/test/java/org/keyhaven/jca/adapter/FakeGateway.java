package org.keyhaven.jca.adapter;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keyhaven.jca.api.Ciphertext;
import org.keyhaven.jca.api.DataKey;
import org.keyhaven.jca.api.KeyManagerException;
import org.keyhaven.jca.api.KeyMaterial;
import org.keyhaven.jca.api.MacValue;
import org.keyhaven.jca.api.Signature;
import org.keyhaven.jca.spi.KeyChangeListener;
import org.keyhaven.jca.spi.LocalGateway;

/**
 * Keyhaven's local gateway as the adapter sees it: issues one-time challenges, opens a session only for a signature
 * over an issued challenge that verifies with the presented leaf certificate, remembers which client each session is,
 * and tells registered listeners about key changes on request. Its signatures and MACs are the one byte of the key
 * version that made them, and verify only with that version (the current one unless another is named).
 */
final class FakeGateway implements LocalGateway {

    final Set<String> openSessions = new HashSet<>();
    final Set<String> closedSessions = new HashSet<>();
    final Map<String, String> subjects = new HashMap<>();
    final List<KeyChangeListener> listeners = new ArrayList<>();
    final List<String> calls = new ArrayList<>();
    private final List<byte[]> issued = new ArrayList<>();
    private final SecureRandom random = new SecureRandom();
    private int sessions;
    int keyVersion = 1;
    /** Opening fails as if Keyhaven were going away (a runtime failure outside the contract). */
    boolean refuseOpen;

    @Override
    public byte[] challenge() {
        byte[] challenge = new byte[32];
        random.nextBytes(challenge);
        issued.add(challenge.clone());
        return challenge;
    }

    @Override
    public String open(List<byte[]> chain, byte[] challenge, byte[] signature) throws KeyManagerException {
        if (refuseOpen) {
            throw new IllegalStateException("Keyhaven is being undeployed");
        }
        if (issued.stream().noneMatch(c -> Arrays.equals(c, challenge))) {
            throw new KeyManagerException(KeyManagerException.Reason.AUTHENTICATION, "unknown challenge");
        }
        issued.removeIf(c -> Arrays.equals(c, challenge));
        try {
            X509Certificate leaf = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(chain.get(0)));
            if (!verifies(leaf.getPublicKey(), challenge, signature)) {
                throw new KeyManagerException(KeyManagerException.Reason.AUTHENTICATION, "bad proof of possession");
            }
            String session = "session-" + ++sessions;
            openSessions.add(session);
            subjects.put(session, leaf.getSubjectX500Principal().getName());
            return session;
        } catch (GeneralSecurityException e) {
            throw new KeyManagerException(KeyManagerException.Reason.AUTHENTICATION, e.toString());
        }
    }

    @Override
    public void close(String session) {
        openSessions.remove(session);
        closedSessions.add(session);
    }

    @Override
    public KeyMaterial getKey(String session, String key, Integer version) throws KeyManagerException {
        check(session, "getKey " + key);
        int v = version == null ? keyVersion : version;
        return new KeyMaterial("id-" + key, key, v, "AES", "RAW", new byte[] {(byte) v, 1, 2}, null);
    }

    @Override
    public Ciphertext encrypt(String session, String key, byte[] plaintext, byte[] aad) throws KeyManagerException {
        check(session, "encrypt " + key);
        return new Ciphertext("id-" + key, keyVersion, plaintext);
    }

    @Override
    public byte[] decrypt(String session, byte[] ciphertext, byte[] aad) throws KeyManagerException {
        check(session, "decrypt");
        return ciphertext.clone();
    }

    @Override
    public Signature sign(String session, String key, String algorithm, byte[] message) throws KeyManagerException {
        check(session, "sign " + key);
        return new Signature("id-" + key, keyVersion, algorithm == null ? "ECDSA-SHA256" : algorithm,
                new byte[] {(byte) keyVersion});
    }

    @Override
    public boolean verify(String session, String key, String algorithm, byte[] message, byte[] signature,
            Integer version) throws KeyManagerException {
        check(session, "verify " + key + " " + version);
        return madeWith(signature, version);
    }

    @Override
    public MacValue mac(String session, String key, byte[] message) throws KeyManagerException {
        check(session, "mac " + key);
        return new MacValue("id-" + key, keyVersion, new byte[] {(byte) keyVersion});
    }

    @Override
    public boolean verifyMac(String session, String key, byte[] message, byte[] mac, Integer version)
            throws KeyManagerException {
        check(session, "verifyMac " + key + " " + version);
        return madeWith(mac, version);
    }

    @Override
    public DataKey generateDataKey(String session, String key, int bits, byte[] aad) throws KeyManagerException {
        check(session, "generateDataKey " + key);
        return new DataKey(new byte[bits / 8], new Ciphertext("id-" + key, keyVersion, new byte[] {3}));
    }

    @Override
    public Ciphertext rewrap(String session, byte[] ciphertext, byte[] aad) throws KeyManagerException {
        check(session, "rewrap");
        return new Ciphertext("id-x", keyVersion, ciphertext);
    }

    @Override
    public byte[] random(String session, int length) throws KeyManagerException {
        check(session, "random");
        return new byte[length];
    }

    @Override
    public void addKeyChangeListener(KeyChangeListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeKeyChangeListener(KeyChangeListener listener) {
        listeners.remove(listener);
    }

    /** A key was rotated: what Keyhaven does after the commit. */
    void rotate(String keyId, String keyName) {
        keyVersion++;
        List.copyOf(listeners).forEach(listener -> listener.keyChanged(keyId, keyName));
    }

    /** Whether a signature or MAC of this fake was made with the given version (null: the current one). */
    private boolean madeWith(byte[] value, Integer version) {
        return value.length == 1 && value[0] == (version == null ? keyVersion : version);
    }

    private void check(String session, String call) throws KeyManagerException {
        if (!openSessions.contains(session)) {
            throw new KeyManagerException(KeyManagerException.Reason.CONNECTION, "unknown session");
        }
        calls.add(subjects.get(session) + ": " + call);
    }

    private static boolean verifies(PublicKey key, byte[] challenge, byte[] signature)
            throws GeneralSecurityException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> "Ed25519";
        };
        java.security.Signature verifier = java.security.Signature.getInstance(algorithm);
        verifier.initVerify(key);
        verifier.update(challenge);
        return verifier.verify(signature);
    }
}
