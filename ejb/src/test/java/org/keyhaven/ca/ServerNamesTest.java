package org.keyhaven.ca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.keyhaven.testing.Refusals.withCode;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

class ServerNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "kms", "kms.example.org", "a.b", "x-1.y-2.example", "0.example.org",
            "xn--bcher-kva.example"})
    void hostNamesAreAccepted(String name) {
        assertThat(ServerNames.dnsName(name)).isEqualTo(name);
    }

    @Test
    void hostNamesAreTrimmedAndLowerCased() {
        assertThat(ServerNames.dnsName("  KMS.Example.Org\t")).isEqualTo("kms.example.org");
    }

    @Test
    void labelsMayHave63CharactersButNot64() {
        String label63 = "a".repeat(63);

        assertThat(ServerNames.dnsName(label63 + ".org")).isEqualTo(label63 + ".org");
        assertThatThrownBy(() -> ServerNames.dnsName("a" + label63 + ".org"))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void namesMayHave253CharactersButNot254() {
        String name253 = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(61));
        assertThat(name253).hasSize(253);

        assertThat(ServerNames.dnsName(name253)).isEqualTo(name253);
        assertThatThrownBy(() -> ServerNames.dnsName(name253 + "d"))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3.256", "10.0.0.1", "example.123", "*.x", "*", "-a.b", "a-.b", "a..b", ".a", "a.",
            "a b", "a\tb.c", "a_b.c", "a/b", "a@b.c", "münchen.de", ""})
    void otherNamesAreRefused(String name) {
        assertThatThrownBy(() -> ServerNames.dnsName(name))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST))
                .hasMessageContaining("is not a DNS host name");
    }

    @Test
    void aMissingNameIsRefused() {
        assertThatThrownBy(() -> ServerNames.dnsName(null))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
        assertThatThrownBy(() -> ServerNames.ipAddress(null))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void aLongRefusedNameIsShortenedInTheMessage() {
        String name = "x".repeat(300) + "*";

        assertThatThrownBy(() -> ServerNames.dnsName(name))
                .isInstanceOfSatisfying(KeyhavenException.class,
                        e -> assertThat(e.getMessage()).hasSizeLessThan(120).doesNotContain("*"));
    }

    @Test
    void dnsNamesAreNormalisedAndDeduplicatedInOrder() {
        assertThat(ServerNames.dnsNames(List.of("B.example", "a.example", "b.EXAMPLE")))
                .containsExactly("b.example", "a.example");
    }

    @Test
    void ipv4LiteralsGiveFourBytes() {
        assertThat(ServerNames.ipAddress("192.0.2.10")).containsExactly(192, 0, 2, 10);
        assertThat(ServerNames.ipAddress(" 0.0.0.0 ")).containsExactly(0, 0, 0, 0);
        assertThat(ServerNames.ipAddress("255.255.255.255")).containsExactly(255, 255, 255, 255);
    }

    @Test
    void ipv6LiteralsGiveSixteenBytes() {
        assertThat(ServerNames.ipAddress("2001:db8::1")).containsExactly(
                0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
        assertThat(ServerNames.ipAddress("::1")).hasSize(16);
        assertThat(ServerNames.ipAddress("FE80::ABCD")).hasSize(16);
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "example.org", "1.2.3.256", "010.0.0.1", "10.00.0.1", "256.1.1.1", "1.2.3",
            "1.2.3.4.5", "1.2.3.-4",
            "1.2.3.4/24", "1::2::3", ":::", "12345::1", "fe80::1%eth0", "[::1]", "::g", "0x7f.0.0.1", "1.2.3.4 5"})
    void anythingButAnAddressLiteralIsRefused(String address) {
        assertThatThrownBy(() -> ServerNames.ipAddress(address))
                .isInstanceOfSatisfying(KeyhavenException.class, withCode(ErrorCode.INVALID_REQUEST))
                .hasMessageContaining("is not an IP address");
    }
}
