package org.keyhaven.kmip.message;

import org.keyhaven.kmip.ttlv.TtlvStructure;

/** Performs one KMIP operation. */
@FunctionalInterface
public interface OperationHandler {

    /**
     * @param payload the Request Payload
     * @return the Response Payload (tagged {@link Tags#RESPONSE_PAYLOAD}), or null if the operation has none
     * @throws KmipFailure or a domain refusal, which the processor turns into a failed item
     */
    TtlvStructure handle(OperationContext context, TtlvStructure payload);
}
