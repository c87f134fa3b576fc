package org.keyhaven.ca;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import javax.crypto.spec.PBEParameterSpec;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.KeyhavenProvider;

/**
 * A generated client key and its chain as a PKCS#12 file, protected by a one-time password: the key and the
 * certificates are encrypted with PBES2 (PBKDF2-HMAC-SHA-256, AES-256-CBC) and the file is MACed with HMAC-SHA-256,
 * which OpenSSL 3, curl and Java read. Built with the JDK's PKCS12 key store so the encoding is the JDK's own.
 */
public final class ClientBundle {

    /** 25 characters from a 31-symbol alphabet without look-alikes: about 124 bits. */
    static final int PASSWORD_LENGTH = 25;
    static final int ITERATIONS = 210_000;

    private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();
    private static final String PROTECTION = "PBEWithHmacSHA256AndAES_256";

    private ClientBundle() {
    }

    public static char[] oneTimePassword() {
        char[] password = new char[PASSWORD_LENGTH];
        for (int i = 0; i < password.length; i++) {
            password[i] = ALPHABET[KeyhavenProvider.random().nextInt(ALPHABET.length)];
        }
        return password;
    }

    public static byte[] pkcs12(CertifiedKey key, char[] password, String alias) {
        PrivateKey privateKey = key.privateKey().use(ClientBundle::jdkPrivateKey);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            byte[] salt = new byte[16];
            KeyhavenProvider.random().nextBytes(salt);
            store.setEntry(alias, new KeyStore.PrivateKeyEntry(privateKey, key.chain().toArray(X509Certificate[]::new)),
                    new KeyStore.PasswordProtection(password, PROTECTION, new PBEParameterSpec(salt, ITERATIONS)));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new KeyhavenException(ErrorCode.INTERNAL, "cannot build the PKCS#12 bundle", null, e);
        } finally {
            CertificateSigning.destroy(privateKey);
        }
    }

    private static PrivateKey jdkPrivateKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new KeyhavenException(ErrorCode.INTERNAL, "a generated client key does not decode", null, e);
        }
    }
}
