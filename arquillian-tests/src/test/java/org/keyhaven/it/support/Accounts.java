package org.keyhaven.it.support;

import jakarta.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Admin accounts for tests. The bootstrap administrator's one-time password is read from the server log, exactly as
 * an operator would, and changed once per server lifetime; every other account is created fresh per call, with a
 * unique name, its one-time password changed to a known one.
 */
public final class Accounts {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "integration suite passphrase";
    private static final Pattern INITIAL_PASSWORD =
            Pattern.compile("Keyhaven initial administrator password: ([A-Za-z0-9]+)");

    private static Account admin;
    private static Path serverLog;

    private Accounts() {
    }

    /**
     * Points the accounts at another server (a {@link ServerProcess}): the admin is bootstrapped again from that
     * server's log, and the pinned TLS certificates are forgotten.
     */
    public static synchronized void useServer(Path log) {
        serverLog = log;
        admin = null;
        PinnedTls.forgetAll();
    }

    private static Path serverLog() {
        return serverLog != null ? serverLog : Suite.serverLog();
    }

    /** The bootstrap security administrator, with its one-time password already changed. */
    public static synchronized Account admin() {
        if (admin == null) {
            Api api = Api.management(ADMIN, ADMIN_PASSWORD);
            ApiResponse me = api.get("/api/v1/users/me");
            if (me.status() != 200) {
                String initial = initialAdminPassword();
                ApiResponse changed = Api.management(ADMIN, initial).post("/api/v1/users/me/password",
                        passwordChange(initial, ADMIN_PASSWORD));
                if (changed.status() != 204) {
                    throw new IllegalStateException("cannot change the initial admin password: " + changed);
                }
                me = api.get("/api/v1/users/me");
            }
            PlantedSecrets.remember(ADMIN_PASSWORD);
            admin = new Account(ADMIN, ADMIN_PASSWORD, me.object().getString("id"), api);
        }
        return admin;
    }

    /** The one-time password from the server log (the last one written). */
    public static String initialAdminPassword() {
        try {
            List<String> lines = Files.readAllLines(serverLog());
            String found = null;
            for (String line : lines) {
                Matcher matcher = INITIAL_PASSWORD.matcher(line);
                if (matcher.find()) {
                    found = matcher.group(1);
                }
            }
            if (found == null) {
                throw new IllegalStateException("no initial administrator password in " + serverLog());
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Account cryptoOfficer() {
        return create("CRYPTO_OFFICER");
    }

    public static Account auditor() {
        return create("AUDITOR");
    }

    public static Account securityAdmin() {
        return create("SECURITY_ADMIN");
    }

    /** A new user with the role, whose one-time password is already replaced by a known one. */
    public static Account create(String role) {
        OneTimeAccount fresh = createWithOneTimePassword(role);
        String password = "passphrase " + UUID.randomUUID();
        PlantedSecrets.remember(password);
        ApiResponse changed = Api.management(fresh.username(), fresh.oneTimePassword())
                .post("/api/v1/users/me/password", passwordChange(fresh.oneTimePassword(), password));
        if (changed.status() != 204) {
            throw new IllegalStateException("cannot set the password of " + fresh.username() + ": " + changed);
        }
        return new Account(fresh.username(), password, fresh.id(), Api.management(fresh.username(), password));
    }

    /** A new user still on its one-time password. */
    public static OneTimeAccount createWithOneTimePassword(String role) {
        String username = role.toLowerCase().replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8);
        ApiResponse created = admin().api().post("/api/v1/users", Json.createObjectBuilder()
                .add("username", username)
                .add("roles", Json.createArrayBuilder().add(role))
                .build().toString());
        if (created.status() != 201) {
            throw new IllegalStateException("cannot create user " + username + ": " + created);
        }
        PlantedSecrets.remember(created.object().getString("oneTimePassword"));
        return new OneTimeAccount(username, created.object().getString("oneTimePassword"),
                created.object().getJsonObject("user").getString("id"));
    }

    public static String passwordChange(String current, String next) {
        return Json.createObjectBuilder().add("currentPassword", current).add("newPassword", next).build().toString();
    }

    /** A user that has not yet changed its one-time password. */
    public record OneTimeAccount(String username, String oneTimePassword, String id) {
    }
}
