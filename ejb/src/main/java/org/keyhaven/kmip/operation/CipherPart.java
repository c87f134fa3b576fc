package org.keyhaven.kmip.operation;

/**
 * One part of a multi-part Encrypt or Decrypt.
 *
 * @param start whether this part starts the operation (Init Indicator)
 * @param last whether it ends it (Final Indicator)
 * @param correlation the Correlation Value of a later part; null for the first
 */
public record CipherPart(boolean start, boolean last, byte[] correlation) {
}
