package org.keyhaven.kmip.message;

import org.keyhaven.kmip.ttlv.TtlvByteString;
import org.keyhaven.kmip.ttlv.TtlvStructure;

/**
 * One batch item of a request: the Operation as sent (it may be one the server does not know), the Unique Batch
 * Item ID to echo (null if none), and the Request Payload (an empty structure if none was sent).
 */
public record RequestItem(int operationCode, TtlvByteString uniqueBatchItemId, TtlvStructure payload) {
}
