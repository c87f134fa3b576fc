package org.keyhaven.ca;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;

/**
 * Names a server certificate may carry: DNS host names (letters, digits and hyphens per label, no wildcards, 253
 * characters at most) and IP address literals (never resolved, so configuration cannot trigger a DNS lookup).
 */
public final class ServerNames {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    private ServerNames() {
    }

    public static String dnsName(String name) {
        String lower = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        boolean valid = !lower.isEmpty() && lower.length() <= 253 && !lower.endsWith(".");
        if (valid) {
            String[] labels = lower.split("\\.", -1);
            for (String label : labels) {
                valid &= LABEL.matcher(label).matches();
            }
            // a name whose last label is all digits is an address written as a name (RFC 3696, 2)
            valid &= !labels[labels.length - 1].chars().allMatch(Character::isDigit);
        }
        if (!valid) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "'" + Texts.printable(name, 64) + "' is not a DNS host name");
        }
        return lower;
    }

    /** The address's bytes; only a literal IPv4 or IPv6 address is accepted. */
    public static byte[] ipAddress(String address) {
        String trimmed = address == null ? "" : address.trim();
        boolean literal = IPV4.matcher(trimmed).matches() && validOctets(trimmed)
                || trimmed.contains(":") && IPV6.matcher(trimmed).matches();
        if (literal) {
            try {
                return InetAddress.getByName(trimmed).getAddress();
            } catch (UnknownHostException e) {
                // not an address after all: refused below
            }
        }
        throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "'" + Texts.printable(address, 64) + "' is not an IP address");
    }

    public static List<String> dnsNames(List<String> names) {
        return names.stream().map(ServerNames::dnsName).distinct().toList();
    }

    /** Each octet 0-255 without leading zeros (which some tools read as octal). */
    private static boolean validOctets(String ipv4) {
        for (String octet : ipv4.split("\\.")) {
            if (Integer.parseInt(octet) > 255 || octet.length() > 1 && octet.startsWith("0")) {
                return false;
            }
        }
        return true;
    }
}
