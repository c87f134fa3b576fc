package org.keyhaven.jca.adapter;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The checked, non-secret settings of one connection factory. The rules live here, in plain Java, so the same checks
 * run in unit tests and when the server activates a connection definition; the first rule broken is reported with
 * the property's name. The key store itself (file contents, password, alias) is checked by {@link CredentialsLoader}.
 *
 * @param cacheTtlSeconds 0: no key cache
 * @param cacheMaxEntries 0: no key cache
 */
record ConnectorSettings(Mode mode, Path keyStoreFile, String keyAlias, int cacheTtlSeconds, int cacheMaxEntries) {

    private static final String[] REMOTE_PROPERTIES = {"servers", "serverCaFile", "connectTimeoutMillis",
        "requestTimeoutMillis", "breakerFailures", "breakerOpenSeconds"};

    /** Where Keyhaven runs: in the same server (through its local gateway) or behind a list of servers. */
    enum Mode {
        LOCAL, REMOTE;

        static Mode parse(String value) throws InvalidSettingException {
            if (value == null || value.isBlank()) {
                return LOCAL;
            }
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "local" -> LOCAL;
                case "remote" -> REMOTE;
                default -> throw new InvalidSettingException("mode",
                        "mode '" + value.trim() + "' is unknown: use local (Keyhaven in this server) or remote");
            };
        }
    }

    /** Whether {@code getKey} answers are cached: both a lifetime and a size bound must be positive. */
    boolean cacheEnabled() {
        return cacheTtlSeconds > 0 && cacheMaxEntries > 0;
    }

    static ConnectorSettings of(KeyhavenManagedConnectionFactory factory) throws InvalidSettingException {
        Mode mode = Mode.parse(factory.getMode());
        Path keyStoreFile = path("keyStoreFile", factory.getKeyStoreFile(),
                "keyStoreFile is not set: give the absolute path of the client's PKCS#12 file as Keyhaven issued it");
        int ttl = notNegative("cacheTtlSeconds", factory.getCacheTtlSeconds(), "0 (no cache) or a number of seconds");
        int max = notNegative("cacheMaxEntries", factory.getCacheMaxEntries(), "0 (no cache) or a number of keys");
        if (mode == Mode.REMOTE) {
            checkRemote(factory);
        }
        String alias = factory.getKeyAlias();
        return new ConnectorSettings(mode, keyStoreFile, alias == null || alias.isBlank() ? null : alias.trim(), ttl,
                max);
    }

    /**
     * Remote mode: the server list must be there, the CA file readable if named; the rest (server list syntax, CA
     * file required, timeouts and breaker limits) is {@link RemoteSettings}'s to judge, with its own messages.
     */
    private static void checkRemote(KeyhavenManagedConnectionFactory factory) throws InvalidSettingException {
        String servers = factory.getServers();
        if (servers == null || servers.isBlank()) {
            throw new InvalidSettingException("servers", "mode remote needs servers: a comma-separated list of "
                    + "Keyhaven servers as host:retrievalPort:encryptionPort");
        }
        String caFile = factory.getServerCaFile();
        if (caFile != null && !caFile.isBlank()) {
            Path ca = path("serverCaFile", caFile, null);
            if (!Files.isRegularFile(ca)) {
                throw new InvalidSettingException("serverCaFile", "serverCaFile " + ca + " does not exist");
            }
            if (!Files.isReadable(ca)) {
                throw new InvalidSettingException("serverCaFile", "serverCaFile " + ca + " is not readable");
            }
        }
        try {
            RemoteSettings.from(factory);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(remoteProperty(e.getMessage()), e.getMessage());
        }
    }

    /** RemoteSettings' messages start with the property they are about; "servers" when none can be told. */
    private static String remoteProperty(String message) {
        for (String property : REMOTE_PROPERTIES) {
            if (message != null && message.startsWith(property)) {
                return property;
            }
        }
        return "servers";
    }

    private static Path path(String property, String value, String missing) throws InvalidSettingException {
        if (value == null || value.isBlank()) {
            throw new InvalidSettingException(property, missing);
        }
        Path path;
        try {
            path = Path.of(value.trim());
        } catch (InvalidPathException e) {
            throw new InvalidSettingException(property, property + " '" + value.trim() + "' is not a file path");
        }
        if (!path.isAbsolute()) {
            throw new InvalidSettingException(property, property + " " + path
                    + " is not an absolute path (in the server configuration, e.g. ${jboss.server.config.dir}/...)");
        }
        return path;
    }

    private static int notNegative(String property, int value, String expected) throws InvalidSettingException {
        if (value < 0) {
            throw new InvalidSettingException(property, property + " must be " + expected + ", not " + value);
        }
        return value;
    }
}
