package org.keyhaven.kmip.xml;

import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/**
 * Refusal of a KMIP XML document: not well-formed, hostile (DTDs, entities), an unknown tag or enumeration
 * name, a value its type cannot carry, or a placeholder left unresolved. Messages name elements and values'
 * types, never Byte String or Big Integer contents.
 */
public class KmipXmlException extends KeyhavenException {

    public KmipXmlException(String message) {
        super(ErrorCode.INVALID_REQUEST, message);
    }

    public KmipXmlException(String message, Throwable cause) {
        super(ErrorCode.INVALID_REQUEST, message, null, cause);
    }
}
