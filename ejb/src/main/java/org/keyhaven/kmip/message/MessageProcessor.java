package org.keyhaven.kmip.message;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.keyhaven.kmip.ttlv.TtlvDateTime;
import org.keyhaven.kmip.ttlv.TtlvEncoder;
import org.keyhaven.kmip.ttlv.TtlvInteger;
import org.keyhaven.kmip.ttlv.TtlvItem;
import org.keyhaven.kmip.ttlv.TtlvStructure;

/**
 * Answers one KMIP request message: checks the header, runs the batch items in order through their handlers
 * (each item on its own, or all in one transaction for Undo), applies the Batch Error Continuation Option, and
 * writes the response in the request's protocol version. Every failure becomes a failed item or, when the message
 * as a whole is unreadable, a response with one failed item; nothing escapes as an exception.
 */
public final class MessageProcessor {

    private final Map<Operation, OperationHandler> handlers;
    private final Transactions transactions;
    private final UnaryOperator<RuntimeException> unwrap;
    private final Clock clock;

    /**
     * @param unwrap turns what a handler threw into the exception that says why (a container wraps some)
     */
    public MessageProcessor(Map<Operation, OperationHandler> handlers, Transactions transactions,
            UnaryOperator<RuntimeException> unwrap, Clock clock) {
        this.handlers = Map.copyOf(handlers);
        this.transactions = transactions;
        this.unwrap = unwrap;
        this.clock = clock;
    }

    public TtlvStructure process(TtlvStructure request) {
        RequestMessage message;
        try {
            message = RequestMessage.read(request);
        } catch (KmipFailure failure) {
            return refusal(RequestMessage.versionOf(request), failure);
        }
        if (!message.version().isSupported()) {
            return refusal(nearestSupported(message.version()), new KmipFailure(
                    ResultReason.UNSUPPORTED_PROTOCOL_VERSION, "protocol version " + message.version()
                    + " is not supported; supported: " + ProtocolVersion.SUPPORTED));
        }
        Instant now = now();
        OperationContext context = new OperationContext(message.version(), now);
        List<ResponseItem> answers = message.continuation() == BatchErrorContinuation.UNDO
                ? runUndoable(message, context) : run(message, context);
        TtlvStructure response = response(message.version(), now, answers);
        if (message.maximumResponseSize() != null
                && TtlvEncoder.encodedLength(response) > message.maximumResponseSize()) {
            KmipFailure tooLarge = new KmipFailure(ResultReason.RESPONSE_TOO_LARGE, "the response exceeds the Maximum"
                    + " Response Size of " + message.maximumResponseSize() + " bytes");
            response.destroySecrets();
            return response(message.version(), now, answers.stream()
                    .map(answer -> ResponseItem.failure(answer.operationCode(), answer.uniqueBatchItemId(), tooLarge))
                    .toList());
        }
        return response;
    }

    /** The response to a message that could not be read at all (a framing or decoding failure). */
    public TtlvStructure refusal(ProtocolVersion version, KmipFailure failure) {
        return response(version, now(), List.of(ResponseItem.failure((Integer) null, null, failure)));
    }

    private List<ResponseItem> run(RequestMessage message, OperationContext context) {
        List<ResponseItem> answers = new ArrayList<>();
        for (RequestItem item : message.items()) {
            ResponseItem answer = perform(item, context);
            answers.add(answer);
            if (answer.status() != ResponseItem.ResultStatus.SUCCESS
                    && message.continuation() == BatchErrorContinuation.STOP) {
                break;
            }
        }
        return answers;
    }

    /** Undo: one transaction for the batch; a failure rolls it back and marks the items before it undone. */
    private List<ResponseItem> runUndoable(RequestMessage message, OperationContext context) {
        List<ResponseItem> answers = new ArrayList<>();
        try {
            transactions.runAtomically(() -> {
                for (RequestItem item : message.items()) {
                    ResponseItem answer = perform(item, context);
                    answers.add(answer);
                    if (answer.status() != ResponseItem.ResultStatus.SUCCESS) {
                        throw new UndoBatch();
                    }
                }
            });
            return answers;
        } catch (UndoBatch undo) {
            List<ResponseItem> undone = new ArrayList<>();
            for (int i = 0; i < answers.size() - 1; i++) {
                undone.add(ResponseItem.undone(answers.get(i)));
            }
            undone.add(answers.get(answers.size() - 1));
            return undone;
        } catch (RuntimeException e) {
            KmipFailure failure = Failures.toKmip(unwrap.apply(e));
            return message.items().stream().map(item -> ResponseItem.failure(item, failure)).toList();
        }
    }

    private ResponseItem perform(RequestItem item, OperationContext context) {
        Optional<OperationHandler> handler = Operation.of(item.operationCode())
                .filter(operation -> operation.definedIn(context.version())).map(handlers::get);
        if (handler.isEmpty()) {
            return ResponseItem.failure(item, new KmipFailure(ResultReason.OPERATION_NOT_SUPPORTED,
                    "operation " + item.operationCode() + " is not supported"));
        }
        try {
            TtlvStructure payload = handler.get().handle(context, item.payload());
            return ResponseItem.success(item, payload);
        } catch (RuntimeException e) {
            return ResponseItem.failure(item, Failures.toKmip(unwrap.apply(e)));
        }
    }

    private static TtlvStructure response(ProtocolVersion version, Instant now, List<ResponseItem> answers) {
        List<TtlvItem> children = new ArrayList<>();
        children.add(TtlvStructure.of(Tags.RESPONSE_HEADER, version.toTtlv(),
                TtlvDateTime.of(Tags.TIME_STAMP, now), new TtlvInteger(Tags.BATCH_COUNT, answers.size())));
        answers.forEach(answer -> children.add(answer.toTtlv(version)));
        return new TtlvStructure(Tags.RESPONSE_MESSAGE, children);
    }

    /** The version to refuse an unsupported one in: the newest supported one below it, else the oldest. */
    private static ProtocolVersion nearestSupported(ProtocolVersion requested) {
        return ProtocolVersion.SUPPORTED.stream().filter(v -> v.compareTo(requested) < 0).findFirst()
                .orElse(ProtocolVersion.V1_0);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** Unwinds an Undo batch's transaction after a failed item. */
    private static final class UndoBatch extends RuntimeException {

        UndoBatch() {
            super(null, null, false, false);
        }
    }
}
