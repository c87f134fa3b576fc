package org.keyhaven.it.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keyhaven.it.support.Account;
import org.keyhaven.it.support.Accounts;
import org.keyhaven.it.support.ApiResponse;
import org.keyhaven.it.support.AppClient;
import org.keyhaven.it.support.ClientCredentials;
import org.keyhaven.it.support.ClientIdentities;
import org.keyhaven.it.support.Deployments;
import org.keyhaven.it.support.Keys;
import org.keyhaven.it.support.PlantedSecrets;
import org.keyhaven.it.support.Suite;

/**
 * Runs after the whole integration suite on the same server and data (its own failsafe execution): plants key
 * material the test knows (retrieves an exportable key, both versions, and has a recognisable plaintext encrypted
 * and decrypted), then reads every server log file of the run (and Keyhaven's structured JSON log) and checks that
 * no secret the run handed to the server (every admin password and one-time password, PKCS#12 passwords, the
 * planted key bytes in hex and base64, the plaintext) appears in it. Failures name the secret's position in the list, never the secret.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LogHygieneAudit {

    @Deployment(testable = false)
    static EnterpriseArchive keyhaven() {
        return Deployments.keyhaven();
    }

    @Test
    void noSecretTheRunHandedToTheServerIsInItsLog() throws IOException {
        plantKeyMaterial();

        List<String> secrets = PlantedSecrets.all();
        List<String> logs = new ArrayList<>();
        try (Stream<Path> files = Files.list(Suite.serverLog().getParent())) {
            for (Path file : files.filter(LogHygieneAudit::isLog).toList()) {
                logs.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        List<String> found = new ArrayList<>();
        for (int i = 0; i < secrets.size(); i++) {
            String secret = secrets.get(i);
            if (logs.stream().anyMatch(log -> log.contains(secret))) {
                found.add("secret #" + (i + 1) + " (" + secret.length() + " characters)");
            }
        }

        assertThat(secrets).as("secrets planted during the run").hasSizeGreaterThan(20);
        assertThat(logs).as("server log files").isNotEmpty();
        assertThat(found).as("secrets from %s found in the server log", Suite.runDir().resolve(
                "planted-secrets.txt")).isEmpty();
    }

    /** The server log and Keyhaven's structured log, with their rotated days. */
    private static boolean isLog(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("server.log") || name.startsWith("keyhaven.json");
    }

    private static void plantKeyMaterial() {
        Account officer = Accounts.cryptoOfficer();
        JsonObject key = Keys.create(officer.api(), Keys.aes(Keys.uniqueName("planted")).add("exportable", true)
                .add("activate", true));
        String keyId = key.getString("id");
        ClientCredentials client = ClientIdentities.create(officer, "planted");
        ClientIdentities.grantKey(officer, client, keyId, "retrieve", "encrypt", "decrypt");
        AppClient app = AppClient.of(client);

        String plaintext = "planted plaintext " + UUID.randomUUID();
        PlantedSecrets.remember(plaintext);
        String encoded = Base64.getEncoder().encodeToString(plaintext.getBytes(StandardCharsets.UTF_8));
        ApiResponse encrypted = app.crypto("encrypt", Json.createObjectBuilder().add("key", keyId)
                .add("plaintext", encoded).build());
        assertThat(encrypted.status()).as("%s", encrypted).isEqualTo(200);
        ApiResponse decrypted = app.crypto("decrypt", Json.createObjectBuilder()
                .add("ciphertext", encrypted.object().getString("ciphertext")).build());
        assertThat(decrypted.object().getString("plaintext")).isEqualTo(encoded);

        retrieveAndRemember(app, keyId, 1);
        Keys.act(officer.api(), keyId, "rotate");
        retrieveAndRemember(app, keyId, 2);
    }

    private static void retrieveAndRemember(AppClient app, String keyId, int version) {
        ApiResponse retrieved = app.retrieve(keyId, version);
        assertThat(retrieved.status()).as("%s", retrieved.status()).isEqualTo(200);
        PlantedSecrets.rememberBytes(Base64.getDecoder().decode(retrieved.object().getString("key")));
    }
}
