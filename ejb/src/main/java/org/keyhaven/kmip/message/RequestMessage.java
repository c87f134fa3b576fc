package org.keyhaven.kmip.message;

import java.util.ArrayList;
import java.util.List;
import org.keyhaven.kmip.ttlv.TtlvByteString;
import org.keyhaven.kmip.ttlv.TtlvEnumeration;
import org.keyhaven.kmip.ttlv.TtlvException;
import org.keyhaven.kmip.ttlv.TtlvInteger;
import org.keyhaven.kmip.ttlv.TtlvItem;
import org.keyhaven.kmip.ttlv.TtlvStructure;

/**
 * A request message read from its TTLV tree: the header fields the server acts on and the batch items. Anything
 * that makes the message unreadable as a whole is a {@link KmipFailure} with reason Invalid Message.
 *
 * @param maximumResponseSize the client's limit in bytes, or null for none
 */
public record RequestMessage(ProtocolVersion version, Integer maximumResponseSize,
        BatchErrorContinuation continuation, List<RequestItem> items) {

    /** The most batch items one message may carry. */
    public static final int MAX_BATCH_ITEMS = 1000;

    public RequestMessage {
        items = List.copyOf(items);
    }

    /** The protocol version of a message, as far as it can be read; 1.0 when it cannot. */
    public static ProtocolVersion versionOf(TtlvStructure message) {
        try {
            return ProtocolVersion.read(message.get(Tags.REQUEST_HEADER, TtlvStructure.class)
                    .get(Tags.PROTOCOL_VERSION, TtlvStructure.class));
        } catch (TtlvException e) {
            return ProtocolVersion.V1_0;
        }
    }

    public static RequestMessage read(TtlvStructure message) {
        try {
            return parse(message);
        } catch (TtlvException e) {
            throw new KmipFailure(ResultReason.INVALID_MESSAGE, e.getMessage());
        }
    }

    private static RequestMessage parse(TtlvStructure message) {
        if (!message.tag().equals(Tags.REQUEST_MESSAGE)) {
            throw new KmipFailure(ResultReason.INVALID_MESSAGE, "the message is " + message.tag()
                    + ", not a Request Message");
        }
        TtlvStructure header = message.get(Tags.REQUEST_HEADER, TtlvStructure.class);
        ProtocolVersion version = ProtocolVersion.read(header.get(Tags.PROTOCOL_VERSION, TtlvStructure.class));
        Integer maximumResponseSize = header.find(Tags.MAXIMUM_RESPONSE_SIZE, TtlvInteger.class)
                .map(TtlvInteger::value).orElse(null);
        BatchErrorContinuation continuation = header.find(Tags.BATCH_ERROR_CONTINUATION_OPTION, TtlvEnumeration.class)
                .map(option -> BatchErrorContinuation.of(option.value())).orElse(BatchErrorContinuation.STOP);
        int batchCount = header.get(Tags.BATCH_COUNT, TtlvInteger.class).value();
        List<TtlvStructure> batch = message.findAll(Tags.BATCH_ITEM, TtlvStructure.class);
        if (batch.size() != batchCount) {
            throw new KmipFailure(ResultReason.INVALID_MESSAGE, "the header's Batch Count is " + batchCount + " but "
                    + batch.size() + " batch items follow");
        }
        if (batch.isEmpty() || batch.size() > MAX_BATCH_ITEMS) {
            throw new KmipFailure(ResultReason.INVALID_MESSAGE, "a request carries 1 to " + MAX_BATCH_ITEMS
                    + " batch items; this one has " + batch.size());
        }
        for (TtlvItem child : message.children()) {
            if (!child.tag().equals(Tags.REQUEST_HEADER) && !child.tag().equals(Tags.BATCH_ITEM)) {
                throw new KmipFailure(ResultReason.INVALID_MESSAGE, "unexpected item " + child.tag()
                        + " in the Request Message");
            }
        }
        List<RequestItem> items = new ArrayList<>(batch.size());
        for (TtlvStructure item : batch) {
            int operation = item.get(Tags.OPERATION, TtlvEnumeration.class).value();
            TtlvByteString id = item.find(Tags.UNIQUE_BATCH_ITEM_ID, TtlvByteString.class).orElse(null);
            if (batch.size() > 1 && id == null) {
                throw new KmipFailure(ResultReason.INVALID_MESSAGE, "every item of a batch of several needs a Unique"
                        + " Batch Item ID");
            }
            TtlvStructure payload = item.find(Tags.REQUEST_PAYLOAD, TtlvStructure.class)
                    .orElseGet(() -> TtlvStructure.of(Tags.REQUEST_PAYLOAD));
            items.add(new RequestItem(operation, id, payload));
        }
        return new RequestMessage(version, maximumResponseSize, continuation, items);
    }
}
