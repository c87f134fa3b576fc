package org.keyhaven.web;

import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is stable per error code; {@code detail} explains this occurrence in plain
 * words and never carries a stack trace, key material or a secret; {@code errors} lists invalid fields, when known.
 */
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    /** One invalid field of the request. */
    public record FieldError(String field, String message) {
    }
}
