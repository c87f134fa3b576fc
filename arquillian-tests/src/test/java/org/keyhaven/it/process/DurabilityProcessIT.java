package org.keyhaven.it.process;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.keyhaven.it.support.Account;
import org.keyhaven.it.support.Accounts;
import org.keyhaven.it.support.Api;
import org.keyhaven.it.support.ApiResponse;
import org.keyhaven.it.support.PinnedTls;
import org.keyhaven.it.support.RunningServer;

/**
 * An acknowledged key creation survives kill -9 of the server right after the response: several clients create
 * keys as fast as they can, the server is killed in the middle of the stream, and after a restart every key that
 * was acknowledged exists, with its audit record, and the audit chain verifies.
 */
class DurabilityProcessIT {

    private static final int CLIENTS = 4;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 200;

    @RegisterExtension
    static final RunningServer SERVER = new RunningServer("durability");

    @Test
    void everyAcknowledgedCreateSurvivesKillMinusNine() throws Exception {
        Account officer = Accounts.cryptoOfficer();
        Account auditor = Accounts.auditor();
        String prefix = "durable-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                Api api = Api.management(officer.username(), officer.password());
                while (running.get()) {
                    String name = prefix + sequence.incrementAndGet();
                    try {
                        ApiResponse response = api.post("/api/v1/keys",
                                "{\"name\":\"" + name + "\",\"algorithm\":\"AES\",\"activate\":true}");
                        if (response.status() == 201) {
                            acknowledged.add(name);
                        }
                    } catch (RuntimeException connectionLost) {
                        return;
                    }
                }
            });
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        SERVER.process().kill();
        running.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);

        SERVER.process().start();
        PinnedTls.forgetAll();
        Api officerAgain = Api.management(officer.username(), officer.password());
        Api auditorAgain = Api.management(auditor.username(), auditor.password());

        Set<String> stored = new HashSet<>();
        Set<String> storedIds = new HashSet<>();
        for (int offset = 0; ; offset += 500) {
            JsonObject page = officerAgain.get("/api/v1/keys?name=" + prefix + "&limit=500&offset=" + offset)
                    .object();
            List<JsonObject> items = page.getJsonArray("items").getValuesAs(JsonObject.class);
            items.forEach(key -> {
                stored.add(key.getString("name"));
                storedIds.add(key.getString("id"));
            });
            if (items.size() < 500) {
                break;
            }
        }
        assertThat(stored).containsAll(acknowledged);
        System.out.printf("acknowledged before kill -9: %d, stored after restart: %d%n", acknowledged.size(),
                stored.size());

        JsonObject verification = auditorAgain.get("/api/v1/audit/verify").object();
        assertThat(verification.getBoolean("intact")).as(verification.toString()).isTrue();
        Set<String> auditedCreates = new HashSet<>();
        long after = 0;
        while (true) {
            JsonObject page = auditorAgain.get("/api/v1/audit?limit=1000&after=" + after).object();
            List<JsonObject> items = page.getJsonArray("items").getValuesAs(JsonObject.class);
            for (JsonObject record : items) {
                if ("key.create".equals(record.getString("operation")) && record.containsKey("objectId")) {
                    auditedCreates.add(record.getString("objectId"));
                }
            }
            if (items.isEmpty() || page.get("next") == null || page.get("next") == JsonValue.NULL) {
                break;
            }
            after = page.getJsonNumber("next").longValue();
        }
        assertThat(auditedCreates).containsAll(storedIds);
    }
}
