package org.keyhaven.web;

import jakarta.ejb.EJBAccessException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;

/**
 * What a failure means for the caller: an error code and a safe message. Walks the cause chain, because the
 * container wraps (EJB system exceptions, JSON provider errors). Anything not recognised is an internal error whose
 * details stay in the server log.
 */
public record Failure(ErrorCode code, String detail, KeyhavenException keyhavenException) {

    public static Failure of(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            Failure known = known(t);
            if (known != null) {
                return known;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        if (thrown instanceof ProcessingException) {
            return new Failure(ErrorCode.MALFORMED_JSON, "the request body could not be read", null);
        }
        if (thrown instanceof WebApplicationException web) {
            return byStatus(web.getResponse().getStatus());
        }
        return new Failure(ErrorCode.INTERNAL, "internal error", null);
    }

    private static Failure known(Throwable t) {
        if (t instanceof KeyhavenException e) {
            return new Failure(e.code(), e.getMessage(), e);
        }
        if (t instanceof EJBAccessException) {
            return new Failure(ErrorCode.FORBIDDEN, "your role does not allow this operation", null);
        }
        if (t instanceof PayloadTooLargeException e) {
            return new Failure(ErrorCode.PAYLOAD_TOO_LARGE, e.getMessage(), null);
        }
        if (t instanceof JsonbException || t instanceof JsonException) {
            return new Failure(ErrorCode.MALFORMED_JSON, "the request body is not valid JSON for this operation: "
                    + Texts.printable(String.valueOf(t.getMessage()).replaceFirst("^Internal error: ", ""), 300),
                    null);
        }
        if (t instanceof OptimisticLockException) {
            return new Failure(ErrorCode.CONCURRENT_MODIFICATION, "the object changed concurrently; retry", null);
        }
        if (t instanceof NotFoundException) {
            return new Failure(ErrorCode.NOT_FOUND, "no such resource", null);
        }
        if (t instanceof NotAllowedException) {
            return new Failure(ErrorCode.METHOD_NOT_ALLOWED, "method not allowed on this resource", null);
        }
        if (t instanceof NotSupportedException) {
            return new Failure(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "send application/json", null);
        }
        if (t instanceof NotAcceptableException) {
            return new Failure(ErrorCode.NOT_ACCEPTABLE, "this resource produces application/json", null);
        }
        if (t instanceof BadRequestException) {
            return new Failure(ErrorCode.INVALID_REQUEST, "malformed request (parameters or body)", null);
        }
        return null;
    }

    private static Failure byStatus(int status) {
        return switch (status) {
            case 400 -> new Failure(ErrorCode.INVALID_REQUEST, "malformed request", null);
            case 401 -> new Failure(ErrorCode.UNAUTHORIZED, "authentication required", null);
            case 403 -> new Failure(ErrorCode.FORBIDDEN, "not allowed", null);
            case 404 -> new Failure(ErrorCode.NOT_FOUND, "no such resource", null);
            case 405 -> new Failure(ErrorCode.METHOD_NOT_ALLOWED, "method not allowed", null);
            case 406 -> new Failure(ErrorCode.NOT_ACCEPTABLE, "not acceptable", null);
            case 413 -> new Failure(ErrorCode.PAYLOAD_TOO_LARGE, "request too large", null);
            case 415 -> new Failure(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "unsupported media type", null);
            default -> new Failure(ErrorCode.INTERNAL, "internal error", null);
        };
    }
}
