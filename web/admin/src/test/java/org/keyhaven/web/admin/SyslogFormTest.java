package org.keyhaven.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.monitor.syslog.NewSyslogDestination;

class SyslogFormTest {

    @Test
    void aCompleteFormPassesEveryCheck() {
        SyslogForm form = form("siem", "TCP", "siem.example", 1514);
        assertThat(refused(form, List.of("other"))).isEmpty();
        assertThatCode(form::checkCa).doesNotThrowAnyException();
    }

    @Test
    void checksAreNamedByTheFieldTheyBelongTo() {
        assertThat(new SyslogForm().checks(List.of())).extracting(SyslogForm.FieldCheck::field)
                .containsExactly("name", "transport", "host", "port", "format", "alarm");
    }

    @Test
    void everyBadFieldIsRefusedByItsOwnCheck() {
        SyslogForm form = form(" padded", "SCTP", "siem.example:514", 0);
        form.setFormat("LEEF");
        form.setAlarm(0L);
        assertThat(refused(form, List.of())).containsOnlyKeys("name", "transport", "host", "port", "format",
                "alarm");
    }

    @Test
    void aNameInUseIsRefusedNextToTheName() {
        Map<String, KeyhavenException> refusals = refused(form("siem", "UDP", "10.0.0.1", null), List.of("siem"));
        assertThat(refusals).containsOnlyKeys("name");
        assertThat(refusals.get("name").code()).isEqualTo(ErrorCode.DUPLICATE_NAME);
        assertThat(refusals.get("name")).hasMessageContaining("'siem'");
    }

    @Test
    void portAndAlarmRangesAreThoseOfTheService() {
        SyslogForm form = form("siem", "UDP", "10.0.0.1", SyslogForm.MAX_PORT);
        form.setAlarm(SyslogForm.MAX_ALARM);
        assertThat(refused(form, List.of())).isEmpty();
        form.setPort(SyslogForm.MAX_PORT + 1);
        form.setAlarm(SyslogForm.MAX_ALARM + 1);
        assertThat(refused(form, List.of())).containsOnlyKeys("port", "alarm");
    }

    @Test
    void aHostWithSurroundingSpacesIsThatHost() {
        SyslogForm form = form("siem", "UDP", "  siem.example ", null);
        assertThat(refused(form, List.of())).isEmpty();
        assertThat(form.request().host()).isEqualTo("siem.example");
    }

    @Test
    void tlsNeedsCaCertificatesAndOtherTransportsTakeNone() {
        SyslogForm tls = form("siem", "TLS", "siem.example", null);
        assertThatThrownBy(tls::checkCa).isInstanceOf(KeyhavenException.class).hasMessageContaining("TLS");
        tls.setCa("not a certificate");
        assertThatThrownBy(tls::checkCa).isInstanceOf(KeyhavenException.class);

        SyslogForm udp = form("siem", "UDP", "siem.example", null);
        udp.setCa("-----BEGIN CERTIFICATE-----");
        assertThatThrownBy(udp::checkCa).isInstanceOf(KeyhavenException.class)
                .hasMessageContaining("TLS destinations only");
        udp.setCa("  \n");
        assertThatCode(udp::checkCa).doesNotThrowAnyException();
    }

    @Test
    void blankPortAlarmAndCaLeaveTheDefaultsToTheService() {
        SyslogForm form = form("siem", "UDP", "siem.example", null);
        form.setCa(" ");
        NewSyslogDestination request = form.request();
        assertThat(request).isEqualTo(new NewSyslogDestination("siem", "UDP", "siem.example", null, "RFC5424", null,
                null, null));
    }

    @Test
    void theRequestCarriesWhatWasEntered() {
        SyslogForm form = form("siem", "TLS", "siem.example", 6515);
        form.setFormat("CEF");
        form.setCa("PEM");
        form.setAlarm(500L);
        assertThat(form.request()).isEqualTo(new NewSyslogDestination("siem", "TLS", "siem.example", 6515, "CEF",
                "PEM", 500L, null));
    }

    private static SyslogForm form(String name, String transport, String host, Integer port) {
        SyslogForm form = new SyslogForm();
        form.setName(name);
        form.setTransport(transport);
        form.setHost(host);
        form.setPort(port);
        return form;
    }

    /** The refusal of each failing check, by field. */
    private static Map<String, KeyhavenException> refused(SyslogForm form, List<String> taken) {
        Map<String, KeyhavenException> refusals = new HashMap<>();
        for (SyslogForm.FieldCheck check : form.checks(taken)) {
            try {
                check.check().run();
            } catch (KeyhavenException e) {
                refusals.put(check.field(), e);
            }
        }
        return refusals;
    }
}
