package org.keyhaven.it.kmip;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keyhaven.it.application.Fixtures;
import org.keyhaven.it.support.Account;
import org.keyhaven.it.support.ClientCredentials;
import org.keyhaven.it.support.ClientIdentities;
import org.keyhaven.it.support.Deployments;
import org.keyhaven.it.support.KmipClient;
import org.keyhaven.kmip.xml.KmipTestCase;
import org.keyhaven.kmip.xml.KmipXmlReader;

/**
 * Replays the OASIS KMIP 1.4 and 2.1 mandatory profile test cases against the deployed Keyhaven over TLS. Every
 * case of the profiles Keyhaven claims ({@link #CLAIMED}) must pass; the others are replayed too and reported. The
 * report (pass or first difference, per case and per profile) is written to
 * {@code target/kmip-conformance.md}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OasisConformanceIT {

    private static final Path CASES = Path.of("../ejb/src/test/resources/kmip-testcases");
    private static final Path REPORT = Path.of("target/kmip-conformance.md");

    /** The profiles Keyhaven claims, by test case name prefix. */
    static final List<String> CLAIMED = List.of("SKLC-M-", "SKFF-M-", "SASED-M-", "CS-BC-M-1-", "CS-BC-M-2-",
            "CS-BC-M-4-", "CS-BC-M-5-", "CS-BC-M-6-", "CS-BC-M-7-", "CS-BC-M-8-", "CS-BC-M-9-", "CS-BC-M-10-",
            "CS-BC-M-11-", "CS-BC-M-12-", "CS-BC-M-13-", "CS-BC-M-14-", "CS-BC-M-3-", "CS-BC-M-GCM-", "CS-BC-M-CHACHA20",
            "CS-RNG-M-", "AKLC-M-", "CS-AC-M-", "BL-M-");

    private static final String WEAK_RSA = "registers 1024-bit RSA keys: NIST SP 800-131A disallows them, Keyhaven"
            + " keeps RSA keys of 2048 bits and more";
    private static final String AES_AS_HMAC = "uses an AES key as an HMAC key; Keyhaven keeps one algorithm per key"
            + " (key separation), an HMAC key is registered as one";
    private static final String TRIPLE_DES = "Triple DES keys: withdrawn by NIST SP 800-131A Rev. 2 after 2023,"
            + " Keyhaven does not make them";
    private static final String DSA = "DSA keys: FIPS 186-5 no longer approves DSA signatures, Keyhaven does not keep"
            + " DSA keys";

    /**
     * Cases of claimed profiles that do not pass, with the reason (also in the README): what Keyhaven declines
     * on purpose, and cases that cannot pass against any server but the one that recorded them.
     */
    static final Map<String, String> DECLINED = Map.ofEntries(
            Map.entry("BL-M-7-", WEAK_RSA), Map.entry("BL-M-9-", WEAK_RSA), Map.entry("BL-M-11-", WEAK_RSA),
            Map.entry("BL-M-12-", DSA), Map.entry("BL-M-13-", DSA),
            Map.entry("CS-AC-M-4-", AES_AS_HMAC), Map.entry("CS-AC-M-5-", AES_AS_HMAC),
            Map.entry("CS-AC-M-6-", AES_AS_HMAC),
            Map.entry("CS-BC-M-3-", "decrypts a literal ciphertext that the recording server made under a key it"
                    + " generated; another server generates another key"),
            Map.entry("CS-BC-M-CHACHA20POLY1305-1-", "expects a truncated 12-byte Poly1305 tag to verify; RFC 8439"
                    + " tags are 16 bytes and Keyhaven verifies no less"),
            Map.entry("SKFF-M-4-", TRIPLE_DES), Map.entry("SKFF-M-8-", TRIPLE_DES), Map.entry("SKFF-M-12-", TRIPLE_DES));

    @Deployment(testable = false)
    static EnterpriseArchive keyhaven() {
        return Deployments.keyhaven();
    }

    @Test
    void theClaimedProfilesPassEveryMandatoryCase() throws IOException {
        Account officer = Fixtures.officer();
        ClientCredentials client = ClientIdentities.create(officer, "oasis");
        JsonArrayBuilder grants = Json.createArrayBuilder();
        for (String prefix : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".split("")) {
            grants.add(ClientIdentities.byNamePrefix(prefix, "create"));
        }
        ClientIdentities.grant(officer, client.clientId(), grants);

        Map<String, List<String>> results = new LinkedHashMap<>();
        for (Path file : files()) {
            KmipTestCase testCase = read(file);
            try (KmipClient kmip = KmipClient.connect(client)) {
                results.put(testCase.name(), ConformanceReplay.replay(testCase, kmip));
            }
        }
        writeReport(results);

        List<String> failedClaims = new ArrayList<>();
        results.forEach((name, differences) -> {
            boolean claimed = CLAIMED.stream().anyMatch(name::startsWith);
            boolean declined = DECLINED.keySet().stream().anyMatch(name::startsWith);
            if (claimed && !declined && !differences.isEmpty()) {
                failedClaims.add(name + ": " + differences);
            }
        });
        assertThat(failedClaims).as("claimed profile cases that fail (report: %s)", REPORT.toAbsolutePath())
                .isEmpty();
    }

    private static List<Path> files() throws IOException {
        try (Stream<Path> one = Files.list(CASES.resolve("1.4")); Stream<Path> two = Files.list(CASES.resolve("2.1"))) {
            return Stream.concat(one, two).filter(path -> path.toString().endsWith(".xml")).sorted().toList();
        }
    }

    private static KmipTestCase read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return KmipXmlReader.readTestCase(file.getFileName().toString().replaceFirst("\\.xml$", ""), in);
        }
    }

    /** Per profile (the name up to its number): passed / replayed; then every case that did not pass. */
    private static void writeReport(Map<String, List<String>> results) throws IOException {
        Map<String, int[]> profiles = new TreeMap<>();
        results.forEach((name, differences) -> {
            int[] counts = profiles.computeIfAbsent(profile(name), p -> new int[2]);
            counts[1]++;
            if (differences.isEmpty()) {
                counts[0]++;
            }
        });
        StringBuilder report = new StringBuilder("# OASIS KMIP mandatory test cases replayed against Keyhaven\n\n")
                .append("| profile | passed | cases |\n| --- | --- | --- |\n");
        profiles.forEach((profile, counts) -> report.append("| ").append(profile).append(" | ").append(counts[0])
                .append(" | ").append(counts[1]).append(" |\n"));
        report.append("\nClaimed profiles: ").append(String.join(", ", CLAIMED)).append("\n\n## Declined\n\n");
        DECLINED.forEach((prefix, reason) -> report.append("- ").append(prefix).append("*: ").append(reason)
                .append('\n'));
        report.append("\n## Cases not passed\n\n");
        results.forEach((name, differences) -> {
            if (!differences.isEmpty()) {
                report.append("- ").append(name).append(": ").append(String.join("; ", differences)).append('\n');
            }
        });
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, report, StandardCharsets.UTF_8);
    }

    /** {@code SKLC-M-1-14} is profile {@code SKLC-M} of version 1.4; {@code CS-BC-M-GCM-1-21} is {@code CS-BC-M-GCM}. */
    static String profile(String name) {
        String version = name.endsWith("-14") ? "1.4" : "2.1";
        return name.replaceFirst("-\\d+-\\d+$", "") + " " + version;
    }
}
