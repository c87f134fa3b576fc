package org.keyhaven.it.kmip;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.keyhaven.kmip.message.Tags;
import org.keyhaven.kmip.spec.KmipTags;
import org.keyhaven.kmip.ttlv.ItemType;
import org.keyhaven.kmip.ttlv.TtlvItem;
import org.keyhaven.kmip.ttlv.TtlvStructure;
import org.keyhaven.kmip.xml.KmipTestCase;
import org.keyhaven.kmip.xml.PlaceholderBindings;
import org.keyhaven.kmip.xml.TemplateItem;
import org.keyhaven.it.support.KmipClient;

/**
 * Replays one OASIS test case against the server over one KMIP connection: each request with its placeholders
 * filled from earlier responses (and the clock), each response compared with the expected one and its
 * placeholders captured. The comparison: per batch item the Operation, Unique Batch Item ID, Result Status and
 * Result Reason exactly, and the Response Payload's structure (the same tags in the same order, the same types,
 * and the same values). Not compared, since the file cannot know them: Date-Times, Result Messages, placeholders,
 * Byte Strings the client never sent (generated key material, digests of it, ciphertext under a server-chosen IV),
 * and what describes the server rather than the case: what Query and Get Attribute List enumerate (each server's
 * own operations, objects and attribute set, and a Get Attributes that names no attribute) and the Random Number
 * Generator attribute (each server's own RNG).
 */
final class ConformanceReplay {

    private ConformanceReplay() {
    }

    /** The differences found, empty if the case passed; replay stops at the first exchange that differs. */
    static List<String> replay(KmipTestCase testCase, KmipClient kmip) {
        PlaceholderBindings bindings = new PlaceholderBindings(Clock.systemUTC());
        Set<TtlvItem> sent = new HashSet<>();
        for (KmipTestCase.Exchange exchange : testCase.exchanges()) {
            List<String> differences = new ArrayList<>();
            TtlvStructure actual;
            TtlvStructure request;
            try {
                request = exchange.request().resolve(bindings);
                collectByteStrings(request, sent);
                actual = kmip.send(request);
            } catch (RuntimeException e) {
                return List.of("exchange " + exchange.index() + ": " + e);
            }
            List<TtlvStructure> requestItems = request.findAll(Tags.BATCH_ITEM, TtlvStructure.class);
            new Comparison(sent, requestItems, differences).compare(exchange.response(), actual, "exchange "
                    + exchange.index() + " ");
            if (differences.isEmpty()) {
                // the batch items only: headers differ between servers (Server Correlation Value and the like)
                List<TemplateItem> expectedItems = exchange.response().findAll(Tags.BATCH_ITEM);
                List<TtlvStructure> actualItems = actual.findAll(Tags.BATCH_ITEM, TtlvStructure.class);
                for (int i = 0; i < expectedItems.size(); i++) {
                    try {
                        bindings.capture(expectedItems.get(i), actualItems.get(i));
                    } catch (RuntimeException e) {
                        // a listing is this server's own (not compared); its placeholders are bound elsewhere
                        if (!isServerListing(requestItems.get(i))) {
                            differences.add("exchange " + exchange.index() + ": " + e.getMessage());
                        }
                    }
                }
            }
            if (!differences.isEmpty()) {
                return differences;
            }
        }
        return List.of();
    }

    /** One response compared with its expectation; differences are added to the list. */
    private record Comparison(Set<TtlvItem> sent, List<TtlvStructure> requests, List<String> differences) {

        void compare(TemplateItem.Composite expected, TtlvStructure actual, String where) {
            List<TemplateItem> expectedItems = expected.findAll(Tags.BATCH_ITEM);
            List<TtlvStructure> actualItems = actual.findAll(Tags.BATCH_ITEM, TtlvStructure.class);
            if (expectedItems.size() != actualItems.size()) {
                differences.add(where + "has " + actualItems.size() + " batch items, expected " + expectedItems.size()
                        + firstFailure(actualItems));
                return;
            }
            for (int i = 0; i < expectedItems.size(); i++) {
                compareItem((TemplateItem.Composite) expectedItems.get(i), actualItems.get(i), requests.get(i),
                        where + "item " + i + " ");
            }
        }

        private void compareItem(TemplateItem.Composite expected, TtlvStructure actual, TtlvStructure request,
                String where) {
            for (var tag : List.of(Tags.OPERATION, Tags.UNIQUE_BATCH_ITEM_ID, Tags.RESULT_STATUS, Tags.RESULT_REASON)) {
                TemplateItem want = expected.findAll(tag).stream().findFirst().orElse(null);
                TtlvItem got = actual.find(tag).orElse(null);
                if (want instanceof TemplateItem.Fixed fixed && !fixed.item().equals(got)) {
                    differences.add(where + KmipTags.nameOrHex(tag) + " " + describe(got) + ", expected "
                            + describe(fixed.item()) + message(actual));
                    return;
                }
                if (want == null && got != null && tag.equals(Tags.RESULT_REASON)) {
                    differences.add(where + "failed with " + describe(got) + message(actual));
                    return;
                }
            }
            TemplateItem payload = expected.findAll(Tags.RESPONSE_PAYLOAD).stream().findFirst().orElse(null);
            TtlvItem actualPayload = actual.find(Tags.RESPONSE_PAYLOAD).orElse(null);
            if (payload != null && actualPayload == null) {
                differences.add(where + "has no Response Payload");
            } else if (payload != null && !isServerListing(request)) {
                compareTree(payload, actualPayload, where + "payload ");
            }
        }

        private void compareTree(TemplateItem expected, TtlvItem actual, String where) {
            String here = where + KmipTags.nameOrHex(expected.tag());
            if (!expected.tag().equals(actual.tag()) || expected.type() != actual.type()) {
                differences.add(here + " is " + actual.type() + " " + KmipTags.nameOrHex(actual.tag()));
                return;
            }
            if (expected instanceof TemplateItem.Composite composite && !describesTheRng(composite)) {
                List<TtlvItem> children = ((TtlvStructure) actual).children();
                if (children.size() != composite.children().size()) {
                    differences.add(here + " has " + tags(children) + ", expected " + composite.children().stream()
                            .map(child -> KmipTags.nameOrHex(child.tag())).toList());
                    return;
                }
                for (int i = 0; i < children.size(); i++) {
                    compareTree(composite.children().get(i), children.get(i), here + "/");
                }
            } else if (expected instanceof TemplateItem.Fixed fixed && comparable(fixed.item(), sent)
                    && !Objects.equals(fixed.item(), actual)) {
                differences.add(here + " is " + describe(actual) + ", expected " + describe(fixed.item()));
            }
        }
    }

    private static boolean comparable(TtlvItem item, Set<TtlvItem> sent) {
        if (item.type() == ItemType.BYTE_STRING) {
            return sent.contains(item.withTag(Tags.DATA));
        }
        return item.type() != ItemType.DATE_TIME && item.type() != ItemType.DATE_TIME_EXTENDED
                && !item.tag().equals(Tags.RESULT_MESSAGE);
    }

    /** The Random Number Generator attribute: 2.x by its tag, 1.x an Attribute named so. */
    private static boolean describesTheRng(TemplateItem.Composite composite) {
        return composite.tag().equals(Tags.RANDOM_NUMBER_GENERATOR) || composite.tag().equals(Tags.ATTRIBUTE)
                && composite.findAll(Tags.ATTRIBUTE_NAME).stream().anyMatch(name -> name instanceof TemplateItem.Fixed
                        fixed && fixed.item() instanceof org.keyhaven.kmip.ttlv.TtlvTextString text
                        && text.value().equals("Random Number Generator"));
    }

    /** A request whose answer lists what the server has: Query, Get Attribute List, Get Attributes of all. */
    private static boolean isServerListing(TtlvStructure request) {
        int operation = request.find(Tags.OPERATION)
                .map(found -> found.as(org.keyhaven.kmip.ttlv.TtlvEnumeration.class).value()).orElse(0);
        TtlvStructure payload = request.find(Tags.REQUEST_PAYLOAD, TtlvStructure.class)
                .orElse(TtlvStructure.of(Tags.REQUEST_PAYLOAD));
        boolean allAttributes = operation == org.keyhaven.kmip.message.Operation.GET_ATTRIBUTES.code()
                && payload.find(Tags.ATTRIBUTE_NAME).isEmpty() && payload.find(Tags.ATTRIBUTE_REFERENCE).isEmpty();
        return allAttributes || operation == org.keyhaven.kmip.message.Operation.QUERY.code()
                || operation == org.keyhaven.kmip.message.Operation.GET_ATTRIBUTE_LIST.code();
    }

    /** Every Byte String of a request, under one tag, so that values compare whatever field carried them. */
    private static void collectByteStrings(TtlvItem item, Set<TtlvItem> sent) {
        if (item instanceof TtlvStructure structure) {
            structure.children().forEach(child -> collectByteStrings(child, sent));
        } else if (item.type() == ItemType.BYTE_STRING) {
            sent.add(item.withTag(Tags.DATA));
        }
    }

    private static List<String> tags(List<TtlvItem> items) {
        return items.stream().map(item -> KmipTags.nameOrHex(item.tag())).toList();
    }

    private static String describe(TtlvItem item) {
        if (item == null) {
            return "absent";
        }
        return switch (item.type()) {
            case ENUMERATION -> org.keyhaven.kmip.spec.KmipEnumerations.name(KmipTags.nameOrHex(item.tag()),
                    ((org.keyhaven.kmip.ttlv.TtlvEnumeration) item).value()).orElse(item.toString());
            case TEXT_STRING -> "'" + ((org.keyhaven.kmip.ttlv.TtlvTextString) item).value() + "'";
            case INTEGER -> String.valueOf(((org.keyhaven.kmip.ttlv.TtlvInteger) item).value());
            default -> item.toString();
        };
    }

    private static String message(TtlvStructure item) {
        return item.find(Tags.RESULT_MESSAGE).map(m -> " (" + describe(m) + ")").orElse("");
    }

    private static String firstFailure(List<TtlvStructure> items) {
        return items.stream().filter(item -> item.find(Tags.RESULT_REASON).isPresent()).findFirst()
                .map(item -> "; " + describe(item.find(Tags.RESULT_REASON).get()) + message(item)).orElse("");
    }
}
