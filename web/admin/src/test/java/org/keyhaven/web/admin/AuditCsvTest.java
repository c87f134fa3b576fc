package org.keyhaven.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.keyhaven.audit.ActorType;
import org.keyhaven.audit.AuditEntry;
import org.keyhaven.audit.Outcome;

class AuditCsvTest {

    @Test
    void theHeaderNamesTheColumnsInOrder() {
        assertThat(AuditCsv.header()).isEqualTo("seq,time,actor,actorType,clientAddress,port,operation,objectId,"
                + "objectVersion,outcome,reason,details,mac\r\n");
    }

    @Test
    void aRecordBecomesOneLineWithEveryColumn() {
        AuditEntry entry = new AuditEntry(7L, Instant.parse("2026-11-29T18:30:00.123456Z"), "alice",
                ActorType.USER, "127.0.0.1", 6001, "key.create", "k-1", 2, Outcome.SUCCESS, null,
                "{\"algorithm\":\"AES\",\"length\":256}", new byte[] {0x0a, (byte) 0xff});

        assertThat(AuditCsv.row(entry)).isEqualTo("7,2026-11-29T18:30:00.123456Z,alice," + ActorType.USER
                + ",127.0.0.1,6001,key.create,k-1,2,SUCCESS,,\"{\"\"algorithm\"\":\"\"AES\"\",\"\"length\"\":256}\","
                + "0aff\r\n");
    }

    @Test
    void absentValuesAreEmptyFields() {
        AuditEntry entry = new AuditEntry(1L, Instant.parse("2026-11-29T18:30:00Z"), null, null, null, null, "x",
                null, null, null, null, null, null);

        assertThat(AuditCsv.row(entry)).isEqualTo("1,2026-11-29T18:30:00Z,,,,,x,,,,,,\r\n");
    }

    @Test
    void fieldsAreQuotedAsRfc4180Says() {
        assertThat(AuditCsv.cell("plain")).isEqualTo("plain");
        assertThat(AuditCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(AuditCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(AuditCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(AuditCsv.cell("cr\rlf")).isEqualTo("\"cr\rlf\"");
        assertThat(AuditCsv.cell("")).isEmpty();
        assertThat(AuditCsv.cell(null)).isEmpty();
    }

    @Test
    void formulaLikeCellsGetALeadingQuote() {
        assertThat(AuditCsv.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(AuditCsv.cell("+49 30")).isEqualTo("'+49 30");
        assertThat(AuditCsv.cell("-2")).isEqualTo("'-2");
        assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }

    @Test
    void aDefusedFormulaIsStillQuotedWhenItNeedsIt() {
        assertThat(AuditCsv.cell("=HYPERLINK(\"http://x\",\"y\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
    }

    @Test
    void tabAndCarriageReturnAtTheStartAreDefusedToo() {
        assertThat(AuditCsv.cell("\t=1")).isEqualTo("'\t=1");
        assertThat(AuditCsv.cell("\r=1")).isEqualTo("\"'\r=1\"");
    }

    @Test
    void aFormulaCharacterInsideAFieldIsLeftAlone() {
        assertThat(AuditCsv.cell("a=b-c")).isEqualTo("a=b-c");
    }

    @Test
    void theFileNameCarriesTheUtcTime() {
        assertThat(AuditCsv.fileName(Instant.parse("2026-11-29T18:30:05.999Z")))
                .isEqualTo("keyhaven-audit-20261129T183005Z.csv");
    }
}
