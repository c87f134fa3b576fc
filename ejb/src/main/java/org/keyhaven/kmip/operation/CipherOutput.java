package org.keyhaven.kmip.operation;

/**
 * What a part of a multi-part operation gives back.
 *
 * @param data the output this part completes
 * @param correlation the Correlation Value for the next part; null once the operation is finished
 * @param iv an IV the server generated for the operation (first part only), else null
 * @param tag the GCM tag (last part of an encryption), else null
 */
public record CipherOutput(byte[] data, byte[] correlation, byte[] iv, byte[] tag) {
}
