package org.keyhaven.kmip.message;

import java.util.ArrayList;
import java.util.List;
import org.keyhaven.kmip.ttlv.TtlvByteString;
import org.keyhaven.kmip.ttlv.TtlvEnumeration;
import org.keyhaven.kmip.ttlv.TtlvItem;
import org.keyhaven.kmip.ttlv.TtlvStructure;
import org.keyhaven.kmip.ttlv.TtlvTextString;

/**
 * The answer to one batch item.
 *
 * @param operationCode the Operation to echo, or null if the request did not carry a readable one
 * @param uniqueBatchItemId the request item's Unique Batch Item ID, or null
 * @param status the Result Status
 * @param reason the Result Reason of a failure, else null
 * @param message the Result Message of a failure, else null
 * @param payload the Response Payload of a success, or null
 */
public record ResponseItem(Integer operationCode, TtlvByteString uniqueBatchItemId, ResultStatus status,
        ResultReason reason, String message, TtlvStructure payload) {

    /** Result Status values. */
    public enum ResultStatus {
        SUCCESS(0),
        OPERATION_FAILED(1),
        OPERATION_PENDING(2),
        OPERATION_UNDONE(3);

        private final int code;

        ResultStatus(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    public static ResponseItem success(RequestItem request, TtlvStructure payload) {
        return new ResponseItem(request.operationCode(), request.uniqueBatchItemId(), ResultStatus.SUCCESS, null,
                null, payload);
    }

    public static ResponseItem failure(RequestItem request, KmipFailure failure) {
        return failure(request == null ? null : request.operationCode(),
                request == null ? null : request.uniqueBatchItemId(), failure);
    }

    public static ResponseItem failure(Integer operationCode, TtlvByteString uniqueBatchItemId, KmipFailure failure) {
        return new ResponseItem(operationCode, uniqueBatchItemId, ResultStatus.OPERATION_FAILED, failure.reason(),
                failure.getMessage(), null);
    }

    /** An item that succeeded before a later one failed in an Undo batch: rolled back, its answer kept. */
    public static ResponseItem undone(ResponseItem succeeded) {
        return new ResponseItem(succeeded.operationCode(), succeeded.uniqueBatchItemId(),
                ResultStatus.OPERATION_UNDONE, null, null, succeeded.payload());
    }

    /** The item as written for a client of the given version. */
    public TtlvStructure toTtlv(ProtocolVersion version) {
        List<TtlvItem> children = new ArrayList<>();
        if (operationCode != null) {
            children.add(new TtlvEnumeration(Tags.OPERATION, operationCode));
        }
        if (uniqueBatchItemId != null) {
            children.add(uniqueBatchItemId);
        }
        children.add(new TtlvEnumeration(Tags.RESULT_STATUS, status.code()));
        if (reason != null) {
            children.add(new TtlvEnumeration(Tags.RESULT_REASON, reason.forVersion(version).code()));
        }
        if (message != null) {
            children.add(new TtlvTextString(Tags.RESULT_MESSAGE, message));
        }
        if (payload != null) {
            children.add(payload);
        }
        return new TtlvStructure(Tags.BATCH_ITEM, children);
    }
}
