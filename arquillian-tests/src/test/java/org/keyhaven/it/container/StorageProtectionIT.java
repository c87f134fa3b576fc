package org.keyhaven.it.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.EJB;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keyhaven.audit.AuditVerification;
import org.keyhaven.audit.ChainProblem;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.it.support.Deployments;
import org.keyhaven.key.KeyAlgorithm;
import org.keyhaven.key.KeyDefinition;
import org.keyhaven.key.KeySpec;
import org.keyhaven.key.KeyUsage;
import org.keyhaven.key.KeyView;

/**
 * In the server, looking at what is stored: no plaintext key material in any table or in the server log; rows
 * edited in the database are refused, not used; audit records edited, reordered or forged in the database are
 * reported by verify.
 */
@ExtendWith(ArquillianExtension.class)
class StorageProtectionIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.keyhavenWithProbe(StorageProtectionIT.class, OfficerProbe.class, DatabaseProbe.class,
                KeyMaterialProbe.class, AuditorProbe.class);
    }

    @EJB
    private OfficerProbe officer;

    @EJB
    private DatabaseProbe database;

    @EJB
    private KeyMaterialProbe material;

    @EJB
    private AuditorProbe auditor;

    @Test
    void noTableAndNoLogLineHoldsPlaintextKeyMaterial() throws IOException {
        List<byte[]> secrets = new ArrayList<>();
        for (KeySpec spec : List.of(KeySpec.of(KeyAlgorithm.AES, 256, null), KeySpec.of(KeyAlgorithm.AES, 128, null),
                KeySpec.of(KeyAlgorithm.HMAC_SHA256, null, null), KeySpec.of(KeyAlgorithm.SECRET_DATA, 256, null),
                KeySpec.of(KeyAlgorithm.RSA, 2048, null), KeySpec.of(KeyAlgorithm.EC, null, "P-256"),
                KeySpec.of(KeyAlgorithm.ED25519, null, null))) {
            KeyView key = officer.create(new KeyDefinition("plain-" + UUID.randomUUID(), spec,
                    EnumSet.noneOf(KeyUsage.class), true, null, null, null, Map.of()), true);
            secrets.add(material.plaintext(key.id(), 1));
        }

        for (String table : database.tables()) {
            for (DatabaseProbe.Column column : database.columns(table)) {
                for (Object value : database.column("select " + column.name() + " from " + table)) {
                    for (byte[] secret : secrets) {
                        assertThat(containsSecret(value, secret))
                                .as("plaintext key material in %s.%s", table, column.name()).isFalse();
                    }
                }
            }
        }
        String log = Files.readString(Path.of(System.getProperty("jboss.server.log.dir"), "server.log"));
        for (byte[] secret : secrets) {
            assertThat(log).doesNotContain(HexFormat.of().formatHex(secret))
                    .doesNotContain(HexFormat.of().withUpperCase().formatHex(secret))
                    .doesNotContain(Base64.getEncoder().encodeToString(secret));
        }
    }

    @Test
    void aKeyRowEditedInTheDatabaseIsRefused() {
        KeyView key = officer.create("tampered-" + UUID.randomUUID(), true);
        assertThat(database.update("update kh_managed_key set exportable = ? where id = ?", false, key.id())).isOne();
        try {
            assertRefusedAs(ErrorCode.INTEGRITY_VIOLATION, () -> officer.get(key.id()));
        } finally {
            database.update("update kh_managed_key set exportable = ? where id = ?", true, key.id());
        }
        assertThat(officer.get(key.id()).exportable()).isTrue();
    }

    @Test
    void aKeyVersionWhoseMaterialWasSwappedInTheDatabaseIsRefused() {
        KeyView first = officer.create("first-" + UUID.randomUUID(), true);
        KeyView second = officer.create("second-" + UUID.randomUUID(), true);
        byte[] original = (byte[]) database.column("select material from kh_key_version where key_id = ?",
                first.id()).get(0);
        byte[] other = (byte[]) database.column("select material from kh_key_version where key_id = ?",
                second.id()).get(0);
        database.update("update kh_key_version set material = ? where key_id = ?", other, first.id());
        try {
            assertRefusedAs(ErrorCode.INTEGRITY_VIOLATION, () -> officer.get(first.id()));
        } finally {
            database.update("update kh_key_version set material = ? where key_id = ?", original, first.id());
        }
        assertThat(officer.get(first.id()).versions()).hasSize(1);
    }

    @Test
    void verifyNamesTheAuditRecordEditedInTheDatabase() {
        String id = officer.create("audited-" + UUID.randomUUID(), true).id();
        assertThat(auditor.verify().intact()).isTrue();
        long seq = ((Number) database.column("select seq from kh_audit_record where object_id = ? and operation ="
                + " 'key.create'", id).get(0)).longValue();
        String details = (String) database.column("select details from kh_audit_record where seq = ?", seq).get(0);

        database.update("update kh_audit_record set details = ? where seq = ?", details + " (edited)", seq);
        try {
            AuditVerification verification = auditor.verify();
            assertThat(verification.intact()).isFalse();
            assertThat(verification.problems()).extracting(ChainProblem::kind, ChainProblem::seq)
                    .contains(org.assertj.core.groups.Tuple.tuple(ChainProblem.Kind.EDITED, seq));
        } finally {
            database.update("update kh_audit_record set details = ? where seq = ?", details, seq);
        }
        assertThat(auditor.verify().intact()).isTrue();
    }

    @Test
    void verifyReportsAuditRecordsSwappedInTheDatabase() {
        officer.create("swap-a-" + UUID.randomUUID(), true);
        officer.create("swap-b-" + UUID.randomUUID(), true);
        assertThat(auditor.verify().intact()).isTrue();
        long last = ((Number) database.column("select max(seq) from kh_audit_record").get(0)).longValue();
        long a = last - 3;
        long b = last - 2;

        swap(a, b);
        try {
            AuditVerification verification = auditor.verify();
            assertThat(verification.intact()).isFalse();
            assertThat(verification.problems()).extracting(ChainProblem::kind).contains(ChainProblem.Kind.REORDERED);
        } finally {
            swap(a, b);
        }
        assertThat(auditor.verify().intact()).isTrue();
    }

    @Test
    void aRecordInsertedIntoTheAuditTableIsNotChainedAndIsReported() {
        officer.create("before-forgery-" + UUID.randomUUID(), true);
        long forgedId = -4242L;
        database.update("insert into kh_audit_record (id, occurred_at, actor, actor_type, operation, outcome)"
                + " values (?, current_timestamp, 'mallory', 'USER', 'key.create', 'SUCCESS')", forgedId);
        try {
            AuditVerification verification = auditor.verify();
            assertThat(verification.refusedRecords()).isPositive();
            assertThat(verification.intact()).isFalse();
            assertThat(database.column("select seq from kh_audit_record where id = ?", forgedId).get(0))
                    .isNotNull().satisfies(seq -> assertThat(((Number) seq).longValue()).isNegative());
        } finally {
            database.update("delete from kh_audit_record where id = ?", forgedId);
        }
        assertThat(auditor.verify().intact()).isTrue();
    }

    /**
     * The probe module does not declare Keyhaven's application exception, so the container hands it over wrapped;
     * what matters is the Keyhaven error inside.
     */
    static void assertRefusedAs(ErrorCode code, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).satisfies(thrown -> {
            Throwable t = thrown;
            while (t != null && !(t instanceof KeyhavenException)) {
                t = t.getCause();
            }
            assertThat(t).as("a KeyhavenException in the cause chain of %s", thrown).isNotNull();
            assertThat(((KeyhavenException) t).code()).isEqualTo(code);
        });
    }

    private void swap(long a, long b) {
        database.update("update kh_audit_record set seq = ? where seq = ?", -1_000_000L, a);
        database.update("update kh_audit_record set seq = ? where seq = ?", a, b);
        database.update("update kh_audit_record set seq = ? where seq = ?", b, -1_000_000L);
    }

    private static boolean containsSecret(Object value, byte[] secret) {
        if (value instanceof byte[] bytes) {
            return indexOf(bytes, secret) >= 0;
        }
        if (value instanceof String text) {
            return text.contains(HexFormat.of().formatHex(secret))
                    || text.toLowerCase().contains(HexFormat.of().formatHex(secret))
                    || text.contains(Base64.getEncoder().encodeToString(secret))
                    || text.contains(new String(secret, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
