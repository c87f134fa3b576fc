package org.keyhaven.monitor.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keyhaven.monitor.syslog.AuditEntries.MAC_BASE64;
import static org.keyhaven.monitor.syslog.AuditEntries.keyCreate;
import static org.keyhaven.monitor.syslog.AuditEntries.with;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keyhaven.audit.ActorType;
import org.keyhaven.audit.AuditEntry;
import org.keyhaven.audit.Outcome;

/** RFC 5424 messages for audit records, byte for byte: header, structured data, escaping, BOM, length limits. */
class Rfc5424FormatterTest {

    private static final String SD = "[keyhaven@32473 seq=\"42\" actor=\"alice\" actorType=\"USER\" client=\"10.0.0.5\""
            + " port=\"6001\" operation=\"key.create\" object=\"0d3f\" version=\"1\" outcome=\"SUCCESS\" mac=\""
            + MAC_BASE64 + "\"]";
    private static final String HEADER = "<86>1 2026-03-01T10:15:30.123456Z kh1.example keyhaven - key.create ";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Rfc5424Formatter formatter = new Rfc5424Formatter("kh1.example");

    @Test
    void aSuccessIsAnAuthprivInformationalMessageWithTheAuditFieldsAsStructuredDataAndTheDetailsAsMsg() {
        byte[] message = formatter.format(keyCreate(), 8192);

        assertThat(text(message)).isEqualTo(HEADER + SD + " \uFEFFalgorithm=AES, length=256");
        byte[] prefix = (HEADER + SD + " ").getBytes(StandardCharsets.UTF_8);
        assertThat(Arrays.copyOfRange(message, prefix.length, prefix.length + 3)).as("UTF-8 BOM before MSG")
                .isEqualTo(BOM);
    }

    @ParameterizedTest(name = "{0} -> <{1}>")
    @CsvSource({"SUCCESS, 86", "DENIED, 84", "FAILED, 83"})
    void thePriorityIsFacilityAuthprivTimesEightPlusTheSeverityOfTheOutcome(Outcome outcome, int pri) {
        String text = text(formatter.format(with(keyCreate(), "forbidden", null, outcome), 8192));

        assertThat(text).startsWith("<" + pri + ">1 ");
        assertThat(text).contains(" outcome=\"" + outcome + "\" reason=\"forbidden\" mac=");
    }

    @Test
    void quotesBackslashesAndClosingBracketsAreEscapedInParameterValues() {
        String text = text(formatter.format(with(keyCreate(), "say \"hi\" \\ then ] end [x]", null,
                Outcome.FAILED), 8192));

        assertThat(text).contains(" reason=\"say \\\"hi\\\" \\\\ then \\] end [x\\]\" mac=\"");
    }

    @Test
    void controlCharactersBecomeQuestionMarksSoThatOneRecordStaysOneLine() {
        AuditEntry entry = new AuditEntry(7L, AuditEntries.OCCURRED, "eve\nforged line", ActorType.USER, null, null,
                "user.login", null, null, Outcome.DENIED, "bad\r\npassword", "note=a\tb", null);

        String text = text(formatter.format(entry, 8192));

        assertThat(text).isEqualTo("<84>1 2026-03-01T10:15:30.123456Z kh1.example keyhaven - user.login"
                + " [keyhaven@32473 seq=\"7\" actor=\"eve?forged line\" actorType=\"USER\" operation=\"user.login\""
                + " outcome=\"DENIED\" reason=\"bad??password\"] \uFEFFnote=a?b");
    }

    @Test
    void fieldsWithoutValueAreLeftOutAndNoDetailsMeansNoMsgAtAll() {
        AuditEntry entry = new AuditEntry(1L, null, "system", ActorType.SYSTEM, null, null, "server.start", null,
                null, Outcome.SUCCESS, null, null, AuditEntries.MAC);

        assertThat(text(formatter.format(entry, 8192))).isEqualTo("<86>1 - kh1.example keyhaven - server.start"
                + " [keyhaven@32473 seq=\"1\" actor=\"system\" actorType=\"SYSTEM\" operation=\"server.start\""
                + " outcome=\"SUCCESS\" mac=\"" + MAC_BASE64 + "\"]");
    }

    @Test
    void nonAsciiUserNamesStayUtf8InTheStructuredData() {
        AuditEntry entry = new AuditEntry(3L, AuditEntries.OCCURRED, "zoë", ActorType.USER, null, null, "user.login",
                null, null, Outcome.SUCCESS, null, null, null);

        byte[] message = formatter.format(entry, 8192);

        assertThat(text(message)).contains(" actor=\"zoë\" ");
        assertThat(message).containsSequence("zo\u00eb".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aLongMessageLosesTheEndOfItsMsgAndFitsExactly() {
        AuditEntry entry = with(keyCreate(), null, "x".repeat(10_000), Outcome.SUCCESS);

        byte[] message = formatter.format(entry, 2048);

        assertThat(message).hasSize(2048);
        assertThat(text(message)).startsWith(HEADER + SD + " \uFEFFxxx").endsWith("xxx");
    }

    @Test
    void theStructuredDataIsNeverCutEvenWhenItAloneExceedsTheLimit() {
        AuditEntry entry = with(keyCreate(), "r".repeat(3000), "details that do not fit", Outcome.FAILED);

        String text = text(formatter.format(entry, 2048));

        assertThat(text).endsWith(" mac=\"" + MAC_BASE64 + "\"]").contains("r".repeat(3000))
                .doesNotContain("\uFEFF").doesNotContain("details");
    }

    @Test
    void truncationNeverSplitsAUtf8Character() {
        AuditEntry entry = with(keyCreate(), null, "é".repeat(3000), Outcome.SUCCESS);
        int fixed = (HEADER + SD + " ").getBytes(StandardCharsets.UTF_8).length + BOM.length;

        byte[] message = formatter.format(entry, fixed + 7);

        assertThat(message).hasSize(fixed + 6);
        assertThat(text(message)).endsWith(" \uFEFFééé");
    }

    @Test
    void theMsgIdIsTheOperationCutTo32CharactersAndAnythingUnprintableInAHeaderFieldIsTheNilValue() {
        AuditEntry longOperation = new AuditEntry(5L, AuditEntries.OCCURRED, "a", ActorType.USER, null, null,
                "client.certificate.register.something.long", null, null, Outcome.SUCCESS, null, null, null);

        assertThat(text(formatter.format(longOperation, 8192)))
                .startsWith(HEADER.replace("key.create", "client.certificate.register.some") + "[");
        assertThat(text(new Rfc5424Formatter("bad host").format(longOperation, 8192)))
                .startsWith("<86>1 2026-03-01T10:15:30.123456Z - keyhaven - ");
        assertThat(Rfc5424Formatter.headerField("key create", 32)).isEqualTo("-");
        assertThat(Rfc5424Formatter.headerField("", 32)).isEqualTo("-");
    }

    @Test
    void theEnterpriseNumberIsTheOneReservedForDocumentation() {
        assertThat(Rfc5424Formatter.ENTERPRISE_NUMBER).isEqualTo(32473);
        assertThat(Rfc5424Formatter.SD_ID).isEqualTo("keyhaven@32473");
    }

    private static String text(byte[] message) {
        return new String(message, StandardCharsets.UTF_8);
    }
}
