package org.keyhaven.jca.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * Loads a connection factory's application client identity from the PKCS#12 file Keyhaven issued: the private key
 * entry (the only one, or the one named by {@code keyAlias}), its certificate chain, and the SHA-256 fingerprint of
 * the leaf (lower-case hex, as Keyhaven shows it) on which pooled connections are matched. Every way the file, the
 * password or the alias can be wrong ends in an {@link InvalidSettingException} that says which, so a misconfigured
 * factory fails at activation rather than at the first call. The password is used, never kept or printed.
 */
final class CredentialsLoader {

    private static final byte[] POSSESSION_PROBE = "keyhaven connector key check".getBytes(StandardCharsets.US_ASCII);

    private CredentialsLoader() {
    }

    static ClientCredentials load(Path file, char[] password, String alias) throws InvalidSettingException {
        if (password == null || password.length == 0) {
            throw new InvalidSettingException("keyStorePassword",
                    "keyStorePassword is not set: give the password of " + file);
        }
        KeyStore store = open(file, password);
        String entry = entry(store, file, alias);
        PrivateKey key = privateKey(store, file, entry, password);
        List<X509Certificate> chain = chain(store, file, entry);
        checkPossession(key, chain.get(0), entry);
        return new ClientCredentials(List.copyOf(chain), key, fingerprint(chain.get(0)));
    }

    /** SHA-256 over the certificate's DER encoding, as lower-case hex. */
    static String fingerprint(X509Certificate certificate) throws InvalidSettingException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new InvalidSettingException("keyStoreFile", "the client certificate cannot be encoded: " + e);
        }
    }

    private static KeyStore open(Path file, char[] password) throws InvalidSettingException {
        if (!Files.exists(file)) {
            throw new InvalidSettingException("keyStoreFile", "keyStoreFile " + file + " does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidSettingException("keyStoreFile", "keyStoreFile " + file + " is not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new InvalidSettingException("keyStoreFile",
                    "keyStoreFile " + file + " is not readable by the server's user");
        }
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
        } catch (KeyStoreException e) {
            throw new InvalidSettingException("keyStoreFile", "this Java runtime has no PKCS12 key store: " + e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
            return store;
        } catch (IOException e) {
            if (wrongPassword(e)) {
                throw new InvalidSettingException("keyStorePassword",
                        "keyStorePassword does not open keyStoreFile " + file + " (wrong password)");
            }
            throw new InvalidSettingException("keyStoreFile",
                    "keyStoreFile " + file + " cannot be read as a PKCS#12 key store: " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new InvalidSettingException("keyStoreFile",
                    "keyStoreFile " + file + " cannot be read as a PKCS#12 key store: " + e.getMessage());
        }
    }

    /** The JDK reports a wrong store password as an IOException caused by an UnrecoverableKeyException. */
    private static boolean wrongPassword(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnrecoverableKeyException) {
                return true;
            }
        }
        return false;
    }

    private static String entry(KeyStore store, Path file, String alias) throws InvalidSettingException {
        List<String> aliases;
        List<String> keyEntries = new ArrayList<>();
        try {
            aliases = Collections.list(store.aliases());
            for (String candidate : aliases) {
                if (store.isKeyEntry(candidate)) {
                    keyEntries.add(candidate);
                }
            }
        } catch (KeyStoreException e) {
            throw new InvalidSettingException("keyStoreFile", "keyStoreFile " + file + " cannot be listed: " + e);
        }
        if (alias != null) {
            if (!aliases.contains(alias)) {
                throw new InvalidSettingException("keyAlias", "keyAlias '" + alias + "' is not in keyStoreFile "
                        + file + " (its entries: " + String.join(", ", aliases) + ")");
            }
            if (!keyEntries.contains(alias)) {
                throw new InvalidSettingException("keyAlias", "keyAlias '" + alias + "' in keyStoreFile " + file
                        + " is a certificate, not a private key entry");
            }
            return alias;
        }
        if (keyEntries.isEmpty()) {
            throw new InvalidSettingException("keyStoreFile",
                    "keyStoreFile " + file + " holds no private key entry (a client key and certificate are needed)");
        }
        if (keyEntries.size() > 1) {
            throw new InvalidSettingException("keyAlias", "keyStoreFile " + file
                    + " holds several private key entries (" + String.join(", ", keyEntries) + "): set keyAlias");
        }
        return keyEntries.get(0);
    }

    private static PrivateKey privateKey(KeyStore store, Path file, String entry, char[] password)
            throws InvalidSettingException {
        try {
            if (store.getKey(entry, password) instanceof PrivateKey key) {
                ProofOfPossession.algorithm(key);
                return key;
            }
            throw new InvalidSettingException("keyAlias",
                    "entry '" + entry + "' of keyStoreFile " + file + " is not a private key");
        } catch (UnrecoverableKeyException e) {
            throw new InvalidSettingException("keyStorePassword",
                    "the key of entry '" + entry + "' in keyStoreFile " + file
                            + " is protected by a password other than keyStorePassword");
        } catch (InvalidKeyException e) {
            throw new InvalidSettingException("keyStoreFile",
                    "entry '" + entry + "' of keyStoreFile " + file + ": " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new InvalidSettingException("keyStoreFile",
                    "the key of entry '" + entry + "' in keyStoreFile " + file + " cannot be read: " + e);
        }
    }

    private static List<X509Certificate> chain(KeyStore store, Path file, String entry)
            throws InvalidSettingException {
        Certificate[] certificates;
        try {
            certificates = store.getCertificateChain(entry);
        } catch (KeyStoreException e) {
            throw new InvalidSettingException("keyStoreFile", "keyStoreFile " + file + " cannot be read: " + e);
        }
        if (certificates == null || certificates.length == 0) {
            throw new InvalidSettingException("keyStoreFile",
                    "entry '" + entry + "' of keyStoreFile " + file + " has no certificate chain");
        }
        List<X509Certificate> chain = new ArrayList<>(certificates.length);
        for (Certificate certificate : certificates) {
            if (!(certificate instanceof X509Certificate x509)) {
                throw new InvalidSettingException("keyStoreFile",
                        "entry '" + entry + "' of keyStoreFile " + file + " holds a certificate that is not X.509");
            }
            chain.add(x509);
        }
        return chain;
    }

    /** A PKCS#12 entry can pair a key with someone else's certificate; Keyhaven would refuse every session. */
    private static void checkPossession(PrivateKey key, X509Certificate leaf, String entry)
            throws InvalidSettingException {
        try {
            byte[] signature = ProofOfPossession.sign(key, POSSESSION_PROBE);
            Signature verifier = Signature.getInstance(ProofOfPossession.algorithm(key));
            verifier.initVerify(leaf.getPublicKey());
            verifier.update(POSSESSION_PROBE);
            if (!verifier.verify(signature)) {
                throw new InvalidSettingException("keyStoreFile",
                        "the private key of entry '" + entry + "' does not belong to its certificate");
            }
        } catch (GeneralSecurityException e) {
            throw new InvalidSettingException("keyStoreFile",
                    "the private key of entry '" + entry + "' cannot be checked against its certificate: " + e);
        }
    }
}
