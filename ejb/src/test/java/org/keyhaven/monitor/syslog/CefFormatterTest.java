package org.keyhaven.monitor.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keyhaven.monitor.syslog.AuditEntries.keyCreate;
import static org.keyhaven.monitor.syslog.AuditEntries.with;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keyhaven.audit.ActorType;
import org.keyhaven.audit.AuditEntry;
import org.keyhaven.audit.Outcome;

/** CEF events inside RFC 5424 messages, byte for byte, with CEF's two escaping rules and the length limit. */
class CefFormatterTest {

    private static final String PREFIX = "<86>1 2026-03-01T10:15:30.123456Z kh1.example keyhaven - key.create - ";
    private static final String EXTENSION = "rt=1772360130123 cn1=42 cn1Label=seq"
            + " cs1=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8\\= cs1Label=mac suser=alice cs2=USER"
            + " cs2Label=actorType src=10.0.0.5 dpt=6001 act=key.create outcome=SUCCESS cs3=0d3f cs3Label=object cn2=1"
            + " cn2Label=objectVersion";

    private final CefFormatter formatter = new CefFormatter("kh1.example", "1.0");

    @Test
    void anAuditRecordBecomesOneCefEventWithSequenceAndMacFirst() {
        assertThat(text(formatter.format(keyCreate(), 8192))).isEqualTo(PREFIX
                + "CEF:0|Keyhaven|Keyhaven|1.0|key.create|key.create|3|" + EXTENSION
                + " msg=algorithm\\=AES, length\\=256");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"SUCCESS, 3", "DENIED, 6", "FAILED, 8"})
    void theSeverityFollowsTheOutcome(Outcome outcome, int severity) {
        assertThat(text(formatter.format(with(keyCreate(), null, null, outcome), 8192)))
                .contains("|key.create|key.create|" + severity + "|rt=");
    }

    @Test
    void headerFieldsEscapePipesAndBackslashes() {
        CefFormatter odd = new CefFormatter("kh1.example", "1.0|beta\\2\nx");

        assertThat(text(odd.format(keyCreate(), 8192))).contains("|Keyhaven|1.0\\|beta\\\\2 x|key.create|");
    }

    @Test
    void extensionValuesEscapeEqualsSignsBackslashesAndLineBreaks() {
        AuditEntry entry = with(keyCreate(), "a=b\\c", "line1\nline2\r|pipe|=", Outcome.FAILED);

        String text = text(formatter.format(entry, 8192));

        assertThat(text).contains(" reason=a\\=b\\\\c ").endsWith(" msg=line1\\nline2\\r|pipe|\\=");
    }

    @Test
    void aClientAddressThatIsNoIpAddressIsNamedAsEntryPoint() {
        AuditEntry entry = new AuditEntry(9L, AuditEntries.OCCURRED, "client:app", ActorType.CLIENT, "jca", null,
                "crypto.encrypt", null, null, Outcome.SUCCESS, null, null, null);

        assertThat(text(formatter.format(entry, 8192))).endsWith("|crypto.encrypt|crypto.encrypt|3|rt=1772360130123"
                + " cn1=9 cn1Label=seq suser=client:app cs2=CLIENT cs2Label=actorType cs4=jca cs4Label=entryPoint"
                + " act=crypto.encrypt outcome=SUCCESS");
    }

    @Test
    void anIpv6ClientAddressIsTheSource() {
        AuditEntry entry = new AuditEntry(9L, AuditEntries.OCCURRED, "bob", ActorType.USER, "::1", 6001,
                "key.list", null, null, Outcome.SUCCESS, null, null, null);

        assertThat(text(formatter.format(entry, 8192))).contains(" src=::1 dpt=6001 ");
    }

    @Test
    void aLongEventLosesTheEndOfMsgOnlyAndNeverEndsInAHalfEscape() {
        AuditEntry entry = with(keyCreate(), null, "=".repeat(5000), Outcome.SUCCESS);
        int fixed = (PREFIX + "CEF:0|Keyhaven|Keyhaven|1.0|key.create|key.create|3|" + EXTENSION + " msg=")
                .getBytes(StandardCharsets.UTF_8).length;

        byte[] odd = formatter.format(entry, fixed + 5);
        byte[] even = formatter.format(entry, fixed + 6);

        assertThat(text(odd)).endsWith(" msg=\\=\\=");
        assertThat(text(even)).endsWith(" msg=\\=\\=\\=");
        assertThat(formatter.format(with(keyCreate(), null, "x".repeat(9000), Outcome.SUCCESS), 2048)).hasSize(2048);
    }

    @Test
    void escapingHelpersFollowTheCefRules() {
        assertThat(CefFormatter.escapeHeader("a|b\\c")).isEqualTo("a\\|b\\\\c");
        assertThat(CefFormatter.escapeValue("a|b\\c=d\ne")).isEqualTo("a|b\\\\c\\=d\\ne");
        assertThat(text(CefFormatter.truncateEscaped("ab\\\\cd", 3))).isEqualTo("ab");
        assertThat(text(CefFormatter.truncateEscaped("ab\\\\cd", 4))).isEqualTo("ab\\\\");
    }

    private static String text(byte[] message) {
        return new String(message, StandardCharsets.UTF_8);
    }
}
