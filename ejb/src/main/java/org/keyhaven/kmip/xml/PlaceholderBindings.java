package org.keyhaven.kmip.xml;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keyhaven.kmip.ttlv.Tag;
import org.keyhaven.kmip.ttlv.TtlvDateTime;
import org.keyhaven.kmip.ttlv.TtlvDateTimeExtended;
import org.keyhaven.kmip.ttlv.TtlvItem;
import org.keyhaven.kmip.ttlv.TtlvStructure;

/**
 * The values of a test case's placeholders as a replay goes along: each placeholder is bound the first time a
 * response carries it ({@link #capture}), and later requests take the bound value, under their own tag
 * ({@code $UNIQUE_IDENTIFIER_0} from a Create response may fill a Linked Object Identifier). {@code $NOW},
 * {@code $NOW-N} and {@code $NOW+N} (seconds) that were never bound are the clock's time.
 *
 * <p>Some test cases name in a request a value that the earlier response gave literally rather than as a
 * placeholder (CS-BC-M-13: the Encrypt response's Data, then {@code $DATA_0} in the Decrypt request; CS-AC-M-6:
 * {@code $MAC_DATA}). So a placeholder never bound takes the value of the most recent response item with its tag
 * and type, and is bound to it from then on. Not thread-safe: one instance per replay.
 */
public final class PlaceholderBindings implements PlaceholderResolver {

    private static final Pattern NOW = Pattern.compile("\\$NOW(?:([+-])(\\d{1,10}))?");

    private final Clock clock;
    private final Map<String, TtlvItem> bound = new HashMap<>();
    private final Map<Tag, TtlvItem> lastResponseItem = new HashMap<>();

    public PlaceholderBindings(Clock clock) {
        this.clock = clock;
    }

    /** The value bound to a placeholder name (with its {@code $}), if any. */
    public Optional<TtlvItem> bound(String name) {
        return Optional.ofNullable(bound.get(name));
    }

    /**
     * Binds every placeholder of {@code expected} not bound yet to the item at the same place in {@code actual}.
     * Walks both trees in step, so they must have the same shape where placeholders are; a placeholder already
     * bound is left as it is (comparing it is the replayer's business).
     *
     * @throws KmipXmlException if a placeholder has no counterpart of its tag and type
     */
    public void capture(TemplateItem expected, TtlvItem actual) {
        bindPlaceholders(expected, actual);
        remember(actual);
    }

    private void remember(TtlvItem item) {
        if (item instanceof TtlvStructure structure) {
            structure.children().forEach(this::remember);
        } else {
            lastResponseItem.put(item.tag(), item);
        }
    }

    private void bindPlaceholders(TemplateItem expected, TtlvItem actual) {
        if (expected instanceof TemplateItem.Placeholder placeholder) {
            if (!actual.tag().equals(placeholder.tag()) || actual.type() != placeholder.type()) {
                throw new KmipXmlException("placeholder " + placeholder.name() + " (" + placeholder.type() + " "
                        + placeholder.tag() + ") meets " + actual.type() + " " + actual.tag());
            }
            bound.putIfAbsent(placeholder.name(), actual);
        } else if (expected instanceof TemplateItem.Composite composite && expected.hasPlaceholders()) {
            if (!(actual instanceof TtlvStructure structure) || !structure.tag().equals(composite.tag())
                    || structure.children().size() != composite.children().size()) {
                throw new KmipXmlException("Structure " + composite.tag() + " does not match " + actual.type()
                        + " " + actual.tag() + " in shape");
            }
            List<TtlvItem> children = structure.children();
            for (int i = 0; i < children.size(); i++) {
                bindPlaceholders(composite.children().get(i), children.get(i));
            }
        }
    }

    @Override
    public TtlvItem resolve(TemplateItem.Placeholder placeholder) {
        TtlvItem value = bound.get(placeholder.name());
        if (value == null && !NOW.matcher(placeholder.name()).matches()) {
            value = lastResponseItem.get(placeholder.tag());
            if (value != null && value.type() == placeholder.type()) {
                bound.put(placeholder.name(), value);
            }
        }
        if (value != null) {
            if (value.type() != placeholder.type()) {
                throw new KmipXmlException("placeholder " + placeholder.name() + " is bound to a " + value.type()
                        + ", not a " + placeholder.type());
            }
            return value.withTag(placeholder.tag());
        }
        Matcher now = NOW.matcher(placeholder.name());
        if (now.matches()) {
            long offset = now.group(1) == null ? 0 : Long.parseLong(now.group(2));
            Instant time = clock.instant().plusSeconds("-".equals(now.group(1)) ? -offset : offset);
            switch (placeholder.type()) {
                case DATE_TIME:
                    return new TtlvDateTime(placeholder.tag(), time.getEpochSecond());
                case DATE_TIME_EXTENDED:
                    return new TtlvDateTimeExtended(placeholder.tag(),
                            time.getEpochSecond() * 1_000_000 + time.getNano() / 1_000);
                default:
                    break;
            }
        }
        throw new KmipXmlException("placeholder " + placeholder.name() + " is not bound");
    }
}
