package org.keyhaven.web;

import java.util.List;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/** A request that failed Bean Validation, with the invalid fields. */
public class InvalidRequestException extends KeyhavenException {

    private final transient List<Problem.FieldError> errors;

    public InvalidRequestException(String message, List<Problem.FieldError> errors) {
        super(ErrorCode.INVALID_REQUEST, message);
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
