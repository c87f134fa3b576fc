package org.keyhaven.web.admin;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.keyhaven.approval.ApprovalKind;
import org.keyhaven.approval.ApprovalPolicy;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/**
 * The dual-control policy as the settings page edits it: one row per operation with its number of approvals, and
 * how long a request waits as ISO-8601 text. Turning it back into an {@link ApprovalPolicy} applies the policy's
 * own rules (0 to {@value ApprovalPolicy#MAX_APPROVALS} approvals, 1 second to 30 days).
 */
public final class SettingsPolicyForm {

    /** One operation of the policy; the count is what the form shows or what was submitted. */
    public static final class Row {

        private final ApprovalKind kind;
        private Integer count;

        Row(ApprovalKind kind, Integer count) {
            this.kind = kind;
            this.count = count;
        }

        public ApprovalKind getKind() {
            return kind;
        }

        /** {@code KEY_CREATE} reads "Key create". */
        public String getLabel() {
            return words(kind.name().charAt(0) + kind.name().substring(1).toLowerCase(Locale.ROOT));
        }

        /** The role whose holders approve: "crypto officer", "security admin". */
        public String getApprover() {
            return words(kind.approverRole().name().toLowerCase(Locale.ROOT));
        }

        public Integer getCount() {
            return count;
        }

        public void setCount(Integer count) {
            this.count = count;
        }

        private static String words(String name) {
            return name.replace('_', ' ');
        }
    }

    private final List<Row> rows;
    private String expiry;

    private SettingsPolicyForm(List<Row> rows, String expiry) {
        this.rows = rows;
        this.expiry = expiry;
    }

    /** Every operation, in the order {@link ApprovalKind} declares them. */
    public static SettingsPolicyForm of(ApprovalPolicy policy) {
        return new SettingsPolicyForm(Stream.of(ApprovalKind.values())
                .map(kind -> new Row(kind, policy.required(kind))).toList(), policy.expiry().toString());
    }

    /** The policy the form describes; an {@code INVALID_REQUEST} refusal says what is wrong. */
    public ApprovalPolicy toPolicy() {
        Map<ApprovalKind, Integer> quorum = new EnumMap<>(ApprovalKind.class);
        rows.forEach(row -> quorum.put(row.kind, row.count));
        return new ApprovalPolicy(quorum, duration(expiry));
    }

    private static Duration duration(String text) {
        if (text == null || text.isBlank()) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "enter how long a request waits, such as PT24H");
        }
        try {
            return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new KeyhavenException(ErrorCode.INVALID_REQUEST, "an ISO-8601 duration such as PT24H or P7D");
        }
    }

    public List<Row> getRows() {
        return rows;
    }

    public String getExpiry() {
        return expiry;
    }

    public void setExpiry(String expiry) {
        this.expiry = expiry;
    }
}
