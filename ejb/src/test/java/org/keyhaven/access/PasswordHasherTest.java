package org.keyhaven.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.LongStream;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    /** Cheap parameters so the suite stays fast; the format and the checks do not depend on them. */
    private final PasswordHasher hasher = new PasswordHasher(256, 1, 1);

    /**
     * RFC 9106 section 5.3: Argon2id v=19, m=32 KiB, t=3, p=4, password 32 x 0x01, salt 16 x 0x02, secret
     * 8 x 0x03, associated data 12 x 0x04, 32-byte tag. Checks the Bouncy Castle generator PasswordHasher uses.
     */
    @Test
    void theArgon2idGeneratorReproducesRfc9106() {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(32)
                .withIterations(3)
                .withParallelism(4)
                .withSalt(repeat(0x02, 16))
                .withSecret(repeat(0x03, 8))
                .withAdditional(repeat(0x04, 12))
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] tag = new byte[32];
        generator.generateBytes(repeat(0x01, 32), tag);
        assertThat(tag).isEqualTo(Hex.decode("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659"));
    }

    /**
     * Encodings published by the Argon2 reference implementation (github.com/P-H-C/phc-winner-argon2,
     * src/test.c) for the password "password" and the salt "somesalt".
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
        "$argon2id$v=19$m=256,t=2,p=2$c29tZXNhbHQ$bQk8UB/VmZZF4Oo79iDXuL5/0ttZwg2f/5U52iv1cDc"})
    void referenceImplementationEncodingsVerify(String encoded) {
        assertThat(hasher.verify("password".toCharArray(), encoded)).isTrue();
        assertThat(hasher.verify("passwore".toCharArray(), encoded)).isFalse();
    }

    @Test
    void defaultsAreTheOwaspMinimumInPhcFormat() {
        String encoded = PasswordHasher.defaults().hash("correct horse".toCharArray());
        assertThat(encoded).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(PasswordHasher.defaults().verify("correct horse".toCharArray(), encoded)).isTrue();
    }

    @Test
    void theRightPasswordVerifiesAndAWrongOneDoesNot() {
        String encoded = hasher.hash("s3cret-Pässwörd-🔑".toCharArray());
        assertThat(hasher.verify("s3cret-Pässwörd-🔑".toCharArray(), encoded)).isTrue();
        assertThat(hasher.verify("s3cret-Passwörd-🔑".toCharArray(), encoded)).isFalse();
        assertThat(hasher.verify("".toCharArray(), encoded)).isFalse();
    }

    @Test
    void eachHashHasItsOwnSalt() {
        assertThat(hasher.hash("same".toCharArray())).isNotEqualTo(hasher.hash("same".toCharArray()));
    }

    @Test
    void theCallersPasswordArrayIsLeftIntact() {
        char[] password = "keep me".toCharArray();
        String encoded = hasher.hash(password);
        assertThat(hasher.verify(password, encoded)).isTrue();
        assertThat(password).containsExactly("keep me".toCharArray());
    }

    @Test
    void tamperedEncodingsAreFalseNotErrors() {
        String good = hasher.hash("pw".toCharArray());
        String[] fields = good.split("\\$");
        char[] pw = "pw".toCharArray();
        assertThat(hasher.verify(pw, good)).isTrue();
        assertThat(hasher.verify(pw, replaceLastChar(good))).isFalse();
        assertThat(hasher.verify(pw, good.replace("$" + fields[4] + "$", "$" + replaceLastChar(fields[4]) + "$")))
                .isFalse();
        assertThat(hasher.verify(pw, good.replace("m=256", "m=264"))).isFalse();
        assertThat(hasher.verify(pw, good.replace("t=1", "t=2"))).isFalse();
        for (String malformed : new String[] {
            good.replace("argon2id", "argon2i"),
            good.replace("v=19", "v=16"),
            good.replace("m=256", "m=0256"),
            good.replace("m=256", "m=+256"),
            good.replace("m=256,t=1,p=1", "t=1,m=256,p=1"),
            good.replace("p=1", "p=1,keyid=abc"),
            good + "=",
            good + "$",
            " " + good,
            good.substring(0, good.length() - 1),
            good.substring(0, good.lastIndexOf('$')),
            "",
            "$argon2id$v=19$m=256,t=1,p=1$$"}) {
            assertThat(hasher.verify(pw, malformed)).as(malformed).isFalse();
        }
        assertThat(hasher.verify(pw, null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "$argon2id$v=19$m=2097152,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=1048577,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=9999999,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=256,t=17,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=256,t=99999999,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=256,t=1,p=9$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=256,t=1,p=0$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=256,t=0,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=8,t=1,p=2$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=256,t=1,p=1$c29tZQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=256,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMa"})
    void absurdParametersAndLengthsAreRefusedWithoutHashing(String encoded) {
        assertThat(hasher.verify("password".toCharArray(), encoded)).isFalse();
        assertThat(hasher.needsRehash(encoded)).isTrue();
    }

    @Test
    void absurdParametersAreRefusedByTheConstructorToo() {
        assertThatThrownBy(() -> new PasswordHasher(PasswordHasher.MAX_MEMORY_KIB + 1, 2, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordHasher(19_456, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordHasher(19_456, 17, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordHasher(19_456, 2, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordHasher(15, 2, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void needsRehashWhenParametersDifferFromTheHashers() {
        String current = hasher.hash("pw".toCharArray());
        assertThat(hasher.needsRehash(current)).isFalse();
        assertThat(new PasswordHasher(512, 1, 1).needsRehash(current)).isTrue();
        assertThat(new PasswordHasher(256, 2, 1).needsRehash(current)).isTrue();
        assertThat(new PasswordHasher(256, 1, 2).needsRehash(current)).isTrue();
        assertThat(hasher.needsRehash(
                "$argon2id$v=19$m=256,t=1,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4"))
                .as("8-byte salt").isTrue();
        assertThat(hasher.needsRehash("not a hash")).isTrue();
        assertThat(hasher.needsRehash(null)).isTrue();
    }

    @Test
    void anUnpairedSurrogateIsRefusedForHashingAndNeverVerifies() {
        char[] broken = {'a', '\uD800', 'b'};
        assertThatThrownBy(() -> hasher.hash(broken)).isInstanceOf(IllegalArgumentException.class);
        assertThat(hasher.verify(broken, hasher.hash("a?b".toCharArray()))).isFalse();
        hasher.verifyDummy(broken);
    }

    /**
     * verifyDummy must do a full Argon2id run with the hasher's parameters. Timing is compared loosely (medians,
     * a factor of four) so a busy build machine cannot make this flaky, while a shortcut would still fail it.
     */
    @Test
    void verifyDummyCostsAsMuchAsAVerify() {
        PasswordHasher realistic = new PasswordHasher(8_192, 2, 1);
        String encoded = realistic.hash("pw".toCharArray());
        char[] attempt = "guess".toCharArray();
        long verify = median(() -> realistic.verify(attempt, encoded));
        long dummy = median(() -> realistic.verifyDummy(attempt));
        assertThat(dummy).isGreaterThan(verify / 4);
    }

    private static long median(Runnable action) {
        action.run();
        long[] nanos = LongStream.range(0, 7).map(i -> {
            long start = System.nanoTime();
            action.run();
            return System.nanoTime() - start;
        }).sorted().toArray();
        return nanos[nanos.length / 2];
    }

    private static String replaceLastChar(String text) {
        char last = text.charAt(text.length() - 1);
        return text.substring(0, text.length() - 1) + (last == 'A' ? 'B' : 'A');
    }

    private static byte[] repeat(int value, int count) {
        byte[] bytes = new byte[count];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
