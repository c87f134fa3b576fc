package org.keyhaven.kmip.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.kmip.ttlv.TtlvByteString;
import org.keyhaven.kmip.ttlv.TtlvDateTime;
import org.keyhaven.kmip.ttlv.TtlvEnumeration;
import org.keyhaven.kmip.ttlv.TtlvInteger;
import org.keyhaven.kmip.ttlv.TtlvStructure;
import org.keyhaven.kmip.ttlv.TtlvTextString;

class MessageProcessorTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00.750Z");
    private final Map<Operation, OperationHandler> handlers = new EnumMap<>(Operation.class);
    private final List<String> transactionLog = new ArrayList<>();
    private final Transactions transactions = work -> {
        transactionLog.add("begin");
        try {
            work.run();
            transactionLog.add("commit");
        } catch (RuntimeException e) {
            transactionLog.add("rollback");
            throw e;
        }
    };

    MessageProcessorTest() {
        handlers.put(Operation.GET, (context, payload) -> StructureBuilder.of(Tags.RESPONSE_PAYLOAD)
                .text(Tags.UNIQUE_IDENTIFIER, payload.get(Tags.UNIQUE_IDENTIFIER, TtlvTextString.class).value())
                .build());
        handlers.put(Operation.DESTROY, (context, payload) -> {
            throw new KeyhavenException(ErrorCode.KEY_NOT_FOUND, "no key 'x'");
        });
        handlers.put(Operation.ACTIVATE, (context, payload) -> {
            throw new IllegalStateException("a bug with a secret in its message");
        });
    }

    @Test
    void answersInTheRequestVersionWithTheHeaderAndEchoesOperationAndBatchItemIds() {
        TtlvStructure response = process(request(ProtocolVersion.V1_1, null,
                item(Operation.GET, "01", "key-1"), item(Operation.GET, "02", "key-2")));

        TtlvStructure header = response.get(Tags.RESPONSE_HEADER, TtlvStructure.class);
        assertThat(ProtocolVersion.read(header.get(Tags.PROTOCOL_VERSION, TtlvStructure.class)))
                .isEqualTo(ProtocolVersion.V1_1);
        assertThat(header.get(Tags.TIME_STAMP, TtlvDateTime.class).epochSeconds()).isEqualTo(NOW.getEpochSecond());
        assertThat(header.get(Tags.BATCH_COUNT, TtlvInteger.class).value()).isEqualTo(2);
        List<TtlvStructure> items = response.findAll(Tags.BATCH_ITEM, TtlvStructure.class);
        assertThat(items).hasSize(2);
        assertThat(items.get(1).get(Tags.OPERATION, TtlvEnumeration.class).value()).isEqualTo(Operation.GET.code());
        assertThat(items.get(1).get(Tags.UNIQUE_BATCH_ITEM_ID, TtlvByteString.class).value()).containsExactly(2);
        assertThat(status(items.get(1))).isEqualTo(0);
        assertThat(items.get(1).get(Tags.RESPONSE_PAYLOAD, TtlvStructure.class)
                .get(Tags.UNIQUE_IDENTIFIER, TtlvTextString.class).value()).isEqualTo("key-2");
    }

    @Test
    void stopIsTheDefaultAndAnswersOnlyTheItemsProcessed() {
        TtlvStructure response = process(request(ProtocolVersion.V1_4, null,
                item(Operation.GET, "01", "a"), item(Operation.DESTROY, "02", "b"), item(Operation.GET, "03", "c")));

        List<TtlvStructure> items = response.findAll(Tags.BATCH_ITEM, TtlvStructure.class);
        assertThat(items).hasSize(2);
        assertThat(status(items.get(0))).isEqualTo(0);
        assertThat(status(items.get(1))).isEqualTo(ResponseItem.ResultStatus.OPERATION_FAILED.code());
        assertThat(reason(items.get(1))).isEqualTo(ResultReason.ITEM_NOT_FOUND.code());
        assertThat(items.get(1).get(Tags.RESULT_MESSAGE, TtlvTextString.class).value()).isEqualTo("no key 'x'");
        assertThat(response.get(Tags.RESPONSE_HEADER, TtlvStructure.class).get(Tags.BATCH_COUNT, TtlvInteger.class)
                .value()).isEqualTo(2);
    }

    @Test
    void continueAnswersEveryItem() {
        TtlvStructure response = process(request(ProtocolVersion.V2_0, BatchErrorContinuation.CONTINUE,
                item(Operation.DESTROY, "01", "a"), item(Operation.GET, "02", "b")));

        List<TtlvStructure> items = response.findAll(Tags.BATCH_ITEM, TtlvStructure.class);
        assertThat(items).extracting(MessageProcessorTest::status).containsExactly(1, 0);
        assertThat(transactionLog).isEmpty();
    }

    @Test
    void undoRunsTheBatchInOneTransactionAndMarksTheEarlierItemsUndone() {
        TtlvStructure response = process(request(ProtocolVersion.V1_2, BatchErrorContinuation.UNDO,
                item(Operation.GET, "01", "a"), item(Operation.DESTROY, "02", "b"), item(Operation.GET, "03", "c")));

        List<TtlvStructure> items = response.findAll(Tags.BATCH_ITEM, TtlvStructure.class);
        assertThat(items).extracting(MessageProcessorTest::status).containsExactly(3, 1);
        assertThat(items.get(0).get(Tags.RESPONSE_PAYLOAD, TtlvStructure.class)
                .get(Tags.UNIQUE_IDENTIFIER, TtlvTextString.class).value()).isEqualTo("a");
        assertThat(transactionLog).containsExactly("begin", "rollback");
    }

    @Test
    void undoCommitsWhenEveryItemSucceeds() {
        process(request(ProtocolVersion.V1_2, BatchErrorContinuation.UNDO,
                item(Operation.GET, "01", "a"), item(Operation.GET, "02", "b")));

        assertThat(transactionLog).containsExactly("begin", "commit");
    }

    @Test
    void aVersion2ReasonIsWrittenAsItsVersion1EquivalentToA1xClient() {
        handlers.put(Operation.GET, (context, payload) -> {
            throw new KmipFailure(ResultReason.OBJECT_NOT_FOUND, "gone");
        });

        assertThat(reason(onlyItem(process(request(ProtocolVersion.V1_4, null, item(Operation.GET, null,
                "a")))))).isEqualTo(ResultReason.ITEM_NOT_FOUND.code());
        assertThat(reason(onlyItem(process(request(ProtocolVersion.V2_1, null, item(Operation.GET, null,
                "a")))))).isEqualTo(ResultReason.OBJECT_NOT_FOUND.code());
    }

    @Test
    void anUnexpectedErrorIsAGeneralFailureWithoutItsText() {
        TtlvStructure item = onlyItem(process(request(ProtocolVersion.V1_0, null,
                item(Operation.ACTIVATE, null, "a"))));

        assertThat(reason(item)).isEqualTo(ResultReason.GENERAL_FAILURE.code());
        assertThat(item.get(Tags.RESULT_MESSAGE, TtlvTextString.class).value()).isEqualTo("internal error");
    }

    @Test
    void anUnknownOrUnimplementedOperationIsNotSupported() {
        TtlvStructure unknown = StructureBuilder.of(Tags.BATCH_ITEM).enumeration(Tags.OPERATION, 0x7777)
                .add(TtlvStructure.of(Tags.REQUEST_PAYLOAD)).build();
        TtlvStructure item = onlyItem(process(request(ProtocolVersion.V1_0, null, unknown)));

        assertThat(item.get(Tags.OPERATION, TtlvEnumeration.class).value()).isEqualTo(0x7777);
        assertThat(reason(item)).isEqualTo(ResultReason.OPERATION_NOT_SUPPORTED.code());
        assertThat(reason(onlyItem(process(request(ProtocolVersion.V1_0, null,
                item(Operation.ENCRYPT, null, "a")))))).isEqualTo(ResultReason.OPERATION_NOT_SUPPORTED.code());
    }

    @Test
    void anOperationIsUnknownToAClientOfAVersionBeforeIt() {
        handlers.put(Operation.ENCRYPT, (context, payload) -> StructureBuilder.of(Tags.RESPONSE_PAYLOAD).build());

        assertThat(reason(onlyItem(process(request(ProtocolVersion.V1_1, null, item(Operation.ENCRYPT, null,
                "a")))))).isEqualTo(ResultReason.OPERATION_NOT_SUPPORTED.code());
        assertThat(status(onlyItem(process(request(ProtocolVersion.V1_2, null, item(Operation.ENCRYPT, null,
                "a")))))).isZero();
    }

    @Test
    void anUnsupportedVersionIsRefusedInTheNewestVersionBelowIt() {
        TtlvStructure response = process(request(new ProtocolVersion(3, 0), null,
                item(Operation.GET, null, "a")));

        assertThat(ProtocolVersion.read(response.get(Tags.RESPONSE_HEADER, TtlvStructure.class)
                .get(Tags.PROTOCOL_VERSION, TtlvStructure.class))).isEqualTo(ProtocolVersion.V2_1);
        assertThat(reason(onlyItem(response))).isEqualTo(ResultReason.UNSUPPORTED_PROTOCOL_VERSION.code());
    }

    @Test
    void aBatchCountThatDoesNotMatchOrAMissingBatchItemIdIsAnInvalidMessage() {
        TtlvStructure wrongCount = StructureBuilder.of(Tags.REQUEST_MESSAGE)
                .add(header(ProtocolVersion.V1_4, null, 3)).add(item(Operation.GET, null, "a")).build();
        TtlvStructure missingIds = request(ProtocolVersion.V1_4, null, item(Operation.GET, null, "a"),
                item(Operation.GET, null, "b"));

        for (TtlvStructure request : List.of(wrongCount, missingIds)) {
            TtlvStructure item = onlyItem(process(request));
            assertThat(reason(item)).isEqualTo(ResultReason.INVALID_MESSAGE.code());
            assertThat(item.find(Tags.OPERATION)).isEmpty();
        }
    }

    @Test
    void aResponseLargerThanTheClientAllowsBecomesResponseTooLargeForEveryItem() {
        TtlvStructure header = StructureBuilder.of(Tags.REQUEST_HEADER).add(ProtocolVersion.V1_4.toTtlv())
                .integer(Tags.MAXIMUM_RESPONSE_SIZE, 100).integer(Tags.BATCH_COUNT, 1).build();
        TtlvStructure request = StructureBuilder.of(Tags.REQUEST_MESSAGE).add(header)
                .add(item(Operation.GET, null, "x".repeat(200))).build();

        TtlvStructure item = onlyItem(process(request));

        assertThat(reason(item)).isEqualTo(ResultReason.RESPONSE_TOO_LARGE.code());
        assertThat(item.find(Tags.RESPONSE_PAYLOAD)).isEmpty();
    }

    @Test
    void theIdPlaceholderCarriesAnIdentifierFromOneItemToTheNext() {
        AtomicInteger seen = new AtomicInteger();
        handlers.put(Operation.CREATE, (context, payload) -> {
            context.idPlaceholder("created-1");
            return null;
        });
        handlers.put(Operation.ACTIVATE, (context, payload) -> {
            assertThat(context.idPlaceholder()).contains("created-1");
            seen.incrementAndGet();
            return null;
        });

        TtlvStructure response = process(request(ProtocolVersion.V1_4, null,
                item(Operation.CREATE, "01", "a"), item(Operation.ACTIVATE, "02", "b")));

        assertThat(seen).hasValue(1);
        assertThat(response.findAll(Tags.BATCH_ITEM, TtlvStructure.class)).extracting(MessageProcessorTest::status)
                .containsExactly(0, 0);
    }

    /** The processor sees the handlers in place when it is made. */
    private TtlvStructure process(TtlvStructure request) {
        return new MessageProcessor(handlers, transactions, e -> e, Clock.fixed(NOW, ZoneOffset.UTC)).process(request);
    }

    private static TtlvStructure request(ProtocolVersion version, BatchErrorContinuation continuation,
            TtlvStructure... items) {
        StructureBuilder message = StructureBuilder.of(Tags.REQUEST_MESSAGE)
                .add(header(version, continuation, items.length));
        for (TtlvStructure item : items) {
            message.add(item);
        }
        return message.build();
    }

    private static TtlvStructure header(ProtocolVersion version, BatchErrorContinuation continuation, int count) {
        StructureBuilder header = StructureBuilder.of(Tags.REQUEST_HEADER).add(version.toTtlv());
        if (continuation != null) {
            header.enumeration(Tags.BATCH_ERROR_CONTINUATION_OPTION, continuation.ordinal() + 1);
        }
        return header.integer(Tags.BATCH_COUNT, count).build();
    }

    private static TtlvStructure item(Operation operation, String batchItemId, String uniqueIdentifier) {
        StructureBuilder item = StructureBuilder.of(Tags.BATCH_ITEM).enumeration(Tags.OPERATION, operation.code());
        if (batchItemId != null) {
            item.bytes(Tags.UNIQUE_BATCH_ITEM_ID, java.util.HexFormat.of().parseHex(batchItemId));
        }
        return item.add(StructureBuilder.of(Tags.REQUEST_PAYLOAD).text(Tags.UNIQUE_IDENTIFIER, uniqueIdentifier)
                .build()).build();
    }

    private static TtlvStructure onlyItem(TtlvStructure response) {
        List<TtlvStructure> items = response.findAll(Tags.BATCH_ITEM, TtlvStructure.class);
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static int status(TtlvStructure item) {
        return item.get(Tags.RESULT_STATUS, TtlvEnumeration.class).value();
    }

    private static int reason(TtlvStructure item) {
        return item.get(Tags.RESULT_REASON, TtlvEnumeration.class).value();
    }
}
