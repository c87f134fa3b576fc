package org.keyhaven.ca;

import java.io.IOException;
import java.io.StringWriter;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.crypto.KeyhavenProvider;

/**
 * A TLS server key pair that lives in memory only (EC P-256, from the platform provider so that JSSE signs with
 * it): it asks for its certificate with a CSR and becomes a key manager once the internal CA has issued the chain.
 * Nothing of it is ever written to disk; a restart makes a new one.
 */
public final class ServerKeyPair {

    private final KeyPair pair;

    private ServerKeyPair(KeyPair pair) {
        this.pair = pair;
    }

    public static ServerKeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), KeyhavenProvider.random());
            return new ServerKeyPair(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new KeyhavenException(ErrorCode.INTERNAL, "cannot generate a TLS key pair", null, e);
        }
    }

    /** A PEM certificate signing request for this key, signed by it (proof of possession). */
    public String certificationRequestPem(String commonName) {
        try {
            var request = new JcaPKCS10CertificationRequestBuilder(new X500Principal("CN=" + commonName),
                    pair.getPublic()).build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
            StringWriter out = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
                writer.writeObject(request);
            }
            return out.toString();
        } catch (OperatorCreationException | IOException | IllegalArgumentException e) {
            throw new KeyhavenException(ErrorCode.INTERNAL, "cannot make a certificate signing request", null, e);
        }
    }

    /** Key managers that present this key with the given chain (server certificate first). */
    public KeyManager[] keyManagers(List<X509Certificate> chain) {
        try {
            char[] password = new char[0];
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", pair.getPrivate(), password, chain.toArray(X509Certificate[]::new));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, password);
            return factory.getKeyManagers();
        } catch (GeneralSecurityException | IOException e) {
            throw new KeyhavenException(ErrorCode.INTERNAL, "cannot build the TLS key manager", null, e);
        }
    }
}
