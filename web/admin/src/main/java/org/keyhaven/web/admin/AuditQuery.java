package org.keyhaven.web.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.keyhaven.audit.AuditFilter;
import org.keyhaven.audit.Outcome;

/**
 * An audit search as it arrives in GET parameters (the audit page's bookmarkable filter form, its "older" link and
 * the CSV export share them): parsed into an {@link AuditFilter} and a page position, or into one message per bad
 * parameter. Parameters are hostile input: lengths are bounded and messages never echo them.
 *
 * <p>Times are UTC: an instant ({@code 2026-11-29T18:30:00Z}), a date-time with an offset, a date-time without one
 * (taken as UTC), or a date alone. {@code from} is inclusive and {@code to} exclusive, except that a date alone as
 * {@code to} includes that whole day.
 */
public final class AuditQuery {

    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String ACTOR = "actor";
    public static final String OBJECT = "object";
    public static final String OPERATION = "operation";
    public static final String OUTCOME = "outcome";
    public static final String BEFORE = "before";
    /** The filter's parameters in the order links carry them (the page position {@link #BEFORE} is not one). */
    public static final List<String> FILTER_PARAMETERS = List.of(FROM, TO, ACTOR, OBJECT, OPERATION, OUTCOME);

    static final int MAX_TEXT = 255;
    static final int MAX_TIME = 40;

    private final Map<String, String> given;
    private final Map<String, String> errors;
    private final AuditFilter filter;
    private final Long beforeSeq;

    private AuditQuery(Map<String, String> given, Map<String, String> errors, AuditFilter filter, Long beforeSeq) {
        this.given = Collections.unmodifiableMap(given);
        this.errors = Collections.unmodifiableMap(errors);
        this.filter = filter;
        this.beforeSeq = beforeSeq;
    }

    /** Reads the parameters through {@code parameter} (name to value, null when absent). */
    public static AuditQuery parse(UnaryOperator<String> parameter) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String name : FILTER_PARAMETERS) {
            String value = parameter.apply(name);
            if (value != null && !value.isBlank()) {
                given.put(name, value.trim());
            }
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Instant from = time(given.get(FROM), false, FROM, errors);
        Instant to = time(given.get(TO), true, TO, errors);
        if (from != null && to != null && !from.isBefore(to)) {
            errors.put(TO, "must be later than From");
        }
        for (String name : List.of(ACTOR, OBJECT, OPERATION)) {
            if (given.getOrDefault(name, "").length() > MAX_TEXT) {
                errors.put(name, "at most " + MAX_TEXT + " characters");
            }
        }
        Outcome outcome = outcome(given.get(OUTCOME), errors);
        Long before = before(parameter.apply(BEFORE), errors);
        AuditFilter filter = errors.isEmpty() ? new AuditFilter(from, to, given.get(ACTOR), given.get(OBJECT),
                given.get(OPERATION), outcome) : null;
        return new AuditQuery(given, errors, filter, before);
    }

    private static Instant time(String text, boolean upperBound, String name, Map<String, String> errors) {
        if (text == null) {
            return null;
        }
        String iso = text.replace(' ', 'T').toUpperCase(Locale.ROOT);
        try {
            if (iso.length() > MAX_TIME || iso.contains("[")) {
                throw new DateTimeParseException("not a plain ISO date-time", iso, 0);
            }
            if (!iso.contains("T")) {
                LocalDate day = LocalDate.parse(iso);
                return (upperBound ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(iso, OffsetDateTime::from,
                    LocalDateTime::from);
            return parsed instanceof OffsetDateTime withOffset ? withOffset.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            errors.put(name, "a UTC date (2026-11-29) or date and time (2026-11-29T18:30:00Z)");
            return null;
        }
    }

    private static Outcome outcome(String text, Map<String, String> errors) {
        if (text == null) {
            return null;
        }
        for (Outcome outcome : Outcome.values()) {
            if (outcome.name().equalsIgnoreCase(text)) {
                return outcome;
            }
        }
        errors.put(OUTCOME, "one of " + List.of(Outcome.values()));
        return null;
    }

    private static Long before(String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            long seq = Long.parseLong(text.trim());
            if (seq > 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put(BEFORE, "the page position is not a sequence number");
        return null;
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** Parameter name to what is wrong with it, in the order of the form. */
    public Map<String, String> errors() {
        return errors;
    }

    /** The filter; null unless {@link #valid()}. */
    public AuditFilter filter() {
        return filter;
    }

    /** The page position: only records with a lower sequence number; null for the newest. */
    public Long beforeSeq() {
        return beforeSeq;
    }

    /** A filter parameter as given (trimmed), for showing it in the form again; null when absent. */
    public String given(String name) {
        return given.get(name);
    }

    /** Every problem in one line ({@code to: must be later than From; ...}), for plain text answers. */
    public String describeErrors() {
        return errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; "));
    }

    /**
     * The filter as a query string ({@code ?from=...&actor=...}, empty when no criterion is given), plus the page
     * position when {@code before} is not null. Values are URL-encoded.
     */
    public String queryString(Long before) {
        Map<String, String> parameters = new LinkedHashMap<>(given);
        if (before != null) {
            parameters.put(BEFORE, before.toString());
        }
        String query = parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return query.isEmpty() ? "" : "?" + query;
    }
}
