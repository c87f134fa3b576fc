package org.keyhaven.tls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Elytron key store operations Keyhaven uses on its TLS key store and client trust store. Elytron holds the key store
 * passwords (per installation, in the server configuration); Keyhaven only asks it to generate, import, remove and
 * store entries, then re-initialises the key or trust manager so the listeners use the new content at once.
 */
@ApplicationScoped
public class ElytronKeyStores {

    public static final String TLS_KEY_STORE = "keyhaven-tls";
    public static final String CLIENT_CA_STORE = "keyhaven-client-cas";

    @Inject
    private ServerManagement management;

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    public List<String> aliases(String keyStore) {
        Object result = management.invoke(keyStore(keyStore), "read-aliases", Map.of());
        List<String> aliases = new ArrayList<>();
        if (result instanceof Object[] array) {
            for (Object alias : array) {
                aliases.add(String.valueOf(alias));
            }
        } else if (result instanceof Collection<?> collection) {
            collection.forEach(alias -> aliases.add(String.valueOf(alias)));
        } else if (result instanceof String text) {
            // the JMX facade gives a list whose element type the operation does not declare as its DMR text:
            // ["alias-1", "alias-2"]
            Matcher quoted = QUOTED.matcher(text);
            while (quoted.find()) {
                aliases.add(quoted.group(1));
            }
        }
        return aliases;
    }

    public void generateKeyPair(String keyStore, String alias, String algorithm, int keySize, String distinguishedName) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("alias", alias);
        parameters.put("algorithm", algorithm);
        parameters.put("key-size", keySize);
        parameters.put("distinguished-name", distinguishedName);
        management.invoke(keyStore(keyStore), "generate-key-pair", parameters);
    }

    public void writeCertificateSigningRequest(String keyStore, String alias, Path file) {
        management.invoke(keyStore(keyStore), "generate-certificate-signing-request",
                Map.of("alias", alias, "path", file.toAbsolutePath().toString()));
    }

    /** Imports a PEM certificate (chain) from a file: onto an existing key entry, or as a trusted entry. */
    public void importCertificate(String keyStore, String alias, Path file, boolean trusted) {
        management.invoke(keyStore(keyStore), "import-certificate", Map.of("alias", alias,
                "path", file.toAbsolutePath().toString(), "trust-cacerts", trusted, "validate", false));
    }

    public void removeAlias(String keyStore, String alias) {
        management.invoke(keyStore(keyStore), "remove-alias", Map.of("alias", alias));
    }

    public void store(String keyStore) {
        management.invoke(keyStore(keyStore), "store", Map.of());
    }

    public void reinitialiseKeyManager(String keyManager) {
        management.invoke("subsystem=elytron,key-manager=" + keyManager, "init", Map.of());
    }

    public void reinitialiseTrustManager(String trustManager) {
        management.invoke("subsystem=elytron,trust-manager=" + trustManager, "init", Map.of());
    }

    private static String keyStore(String name) {
        return "subsystem=elytron,key-store=" + name;
    }
}
