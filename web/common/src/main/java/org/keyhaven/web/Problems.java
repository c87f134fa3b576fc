package org.keyhaven.web;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.keyhaven.common.ErrorCode;

/** Builds problem+json responses. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static Response response(ErrorCode code, String detail) {
        return response(code, detail, null, List.of());
    }

    public static Response response(ErrorCode code, String detail, String instance, List<Problem.FieldError> errors) {
        return Response.status(code.httpStatus())
                .type(MEDIA_TYPE)
                .entity(problem(code, detail, instance, errors))
                .build();
    }

    public static Problem problem(ErrorCode code, String detail, String instance, List<Problem.FieldError> errors) {
        return new Problem(code.problemType(), code.title(), code.httpStatus(), detail, instance,
                errors == null || errors.isEmpty() ? null : errors);
    }
}
