package org.keyhaven.monitor.syslog;

import java.util.Locale;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;

/**
 * What a syslog message carries: RFC 5424 with the audit fields as structured data (the default), or an ArcSight CEF
 * event as the MSG of an RFC 5424 message, for SIEMs that parse CEF.
 */
public enum SyslogFormat {
    RFC5424,
    CEF;

    /** {@code RFC5424} or {@code CEF}, in any case; null means the default, RFC 5424. */
    public static SyslogFormat parse(String text) {
        if (text == null) {
            return RFC5424;
        }
        for (SyslogFormat format : values()) {
            if (format.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "format is RFC5424 or CEF, not '"
                + Texts.printable(text, 20) + "'");
    }
}
