package org.keyhaven.crypto;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Shamir's secret sharing over GF(2^8) (the AES field, reduction polynomial x^8 + x^4 + x^3 + x + 1), byte by byte:
 * each byte of the secret is the constant term of its own random polynomial of degree {@code threshold - 1}, and
 * share {@code i} holds the polynomials' values at x = i. Any {@code threshold} shares give the secret back by
 * Lagrange interpolation at 0; fewer give no information about it. Field arithmetic runs without table lookups or
 * branches on secret values. Shares are lent as {@link SecretBytes}; the caller wipes them.
 */
public final class ShamirSecretSharing {

    public static final int MAX_SHARES = 16;

    /** One share: its x coordinate (1 to 255) and the polynomials' values there. */
    public record Share(int index, SecretBytes value) implements AutoCloseable {
        public Share {
            if (index < 1 || index > 255) {
                throw new IllegalArgumentException("share index " + index + " is not 1 to 255");
            }
            Objects.requireNonNull(value, "value");
        }

        @Override
        public void close() {
            value.destroy();
        }

        @Override
        public String toString() {
            return "Share[" + index + "]";
        }
    }

    private ShamirSecretSharing() {
    }

    /**
     * @param secret lent; not wiped here
     * @return shares 1 to {@code shares}, any {@code threshold} of which give the secret back
     */
    public static List<Share> split(SecretBytes secret, int shares, int threshold, SecureRandom random) {
        if (threshold < 2 || threshold > shares || shares > MAX_SHARES) {
            throw new IllegalArgumentException("need 1 < threshold <= shares <= " + MAX_SHARES + "; got "
                    + threshold + " of " + shares);
        }
        return secret.use(bytes -> {
            byte[][] values = new byte[shares][bytes.length];
            byte[] coefficients = new byte[threshold - 1];
            try {
                for (int position = 0; position < bytes.length; position++) {
                    random.nextBytes(coefficients);
                    for (int share = 0; share < shares; share++) {
                        values[share][position] = (byte) evaluate(bytes[position] & 0xFF, coefficients, share + 1);
                    }
                }
            } finally {
                Arrays.fill(coefficients, (byte) 0);
            }
            List<Share> result = new ArrayList<>();
            for (int share = 0; share < shares; share++) {
                result.add(new Share(share + 1, SecretBytes.adopt(values[share])));
            }
            return result;
        });
    }

    /**
     * The secret the shares interpolate to. With fewer shares than the threshold, or a wrong one, that is some other
     * value: the caller checks the result (Keyhaven unwraps the master key with it, which authenticates).
     *
     * @throws IllegalArgumentException for no shares, repeated indexes or shares of different lengths
     */
    public static SecretBytes combine(List<Share> shares) {
        if (shares.isEmpty()) {
            throw new IllegalArgumentException("no shares");
        }
        Set<Integer> indexes = new HashSet<>();
        int length = shares.get(0).value().length();
        for (Share share : shares) {
            if (!indexes.add(share.index())) {
                throw new IllegalArgumentException("share " + share.index() + " is given twice");
            }
            if (share.value().length() != length) {
                throw new IllegalArgumentException("shares differ in length");
            }
        }
        byte[] secret = new byte[length];
        for (int i = 0; i < shares.size(); i++) {
            int weight = lagrangeAtZero(shares, i);
            shares.get(i).value().consume(values -> {
                for (int position = 0; position < length; position++) {
                    secret[position] ^= (byte) multiply(weight, values[position] & 0xFF);
                }
            });
        }
        return SecretBytes.adopt(secret);
    }

    /** The i-th Lagrange basis polynomial at 0: the product over j != i of x_j / (x_j - x_i); minus is plus here. */
    private static int lagrangeAtZero(List<Share> shares, int i) {
        int xi = shares.get(i).index();
        int numerator = 1;
        int denominator = 1;
        for (int j = 0; j < shares.size(); j++) {
            if (j != i) {
                int xj = shares.get(j).index();
                numerator = multiply(numerator, xj);
                denominator = multiply(denominator, xj ^ xi);
            }
        }
        return multiply(numerator, inverse(denominator));
    }

    /** Horner's rule: secret + c1 x + c2 x^2 + ... */
    private static int evaluate(int secret, byte[] coefficients, int x) {
        int value = 0;
        for (int k = coefficients.length - 1; k >= 0; k--) {
            value = multiply(value, x) ^ (coefficients[k] & 0xFF);
        }
        return multiply(value, x) ^ secret;
    }

    /** Multiplication in GF(2^8), eight rounds whatever the operands. */
    static int multiply(int a, int b) {
        int product = 0;
        for (int round = 0; round < 8; round++) {
            product ^= a & -(b & 1);
            int carry = -((a >> 7) & 1);
            a = ((a << 1) ^ (0x11B & carry)) & 0xFF;
            b >>= 1;
        }
        return product;
    }

    /** a^254 = a^-1 in GF(2^8) (and 0 for 0), by a fixed chain of squarings and multiplications. */
    static int inverse(int a) {
        int result = 1;
        int base = a;
        for (int bit = 0; bit < 8; bit++) {
            int square = multiply(base, base);
            // 254 = 0b11111110: every bit but the lowest
            result = bit == 0 ? result : multiply(result, base);
            base = square;
        }
        return result;
    }
}
