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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failure means for the caller: an error code and a safe message. Walks the cause chain, because the
 * container wraps (EJB system exceptions, JSON provider errors). Anything not recognised is an internal error whose
 * details stay in the server log.
 */
public record Failure(ErrorCode code, String detail, KeyhavenException keyhavenException) {

    private static final Pattern UNKNOWN_PROPERTY = Pattern.compile("Json property (\\S+) can not be mapped");
    private static final Pattern PROPERTY = Pattern.compile("deserialize property '([^']+)'");
    private static final Pattern PARAMETER = Pattern.compile("QueryParam\\(\"([^\"]+)\"\\)");

    public static Failure of(Throwable thrown) {
        // the body limit is hit while some parser reads the stream; whatever wraps it, the answer is 413
        for (Throwable t = thrown; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof PayloadTooLargeException e) {
                return new Failure(ErrorCode.PAYLOAD_TOO_LARGE, e.getMessage(), null);
            }
        }
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
        if (t instanceof JsonbException || t instanceof JsonException) {
            return new Failure(ErrorCode.MALFORMED_JSON, jsonProblem(t), null);
        }
        if (t instanceof OptimisticLockException) {
            return new Failure(ErrorCode.CONCURRENT_MODIFICATION, "the object changed concurrently; retry", null);
        }
        if (t instanceof NotFoundException && t.getCause() != null) {
            // JAX-RS answers a query parameter that does not convert with 404; it is the caller's malformed request
            Matcher parameter = PARAMETER.matcher(String.valueOf(t.getMessage()));
            return new Failure(ErrorCode.INVALID_REQUEST, parameter.find()
                    ? "query parameter '" + Texts.printable(parameter.group(1), 40) + "' has an invalid value"
                    : "a request parameter has an invalid value", null);
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

    /**
     * What is wrong with the JSON, in words: the JSON provider's own messages name Java types and provider classes,
     * which callers must not see.
     */
    private static String jsonProblem(Throwable t) {
        String message = String.valueOf(t.getMessage());
        Matcher unknown = UNKNOWN_PROPERTY.matcher(message);
        if (unknown.find()) {
            return "unknown property '" + Texts.printable(unknown.group(1), 60) + "'";
        }
        Matcher property = PROPERTY.matcher(message);
        if (property.find()) {
            return "property '" + Texts.printable(property.group(1), 60) + "' has the wrong type or format";
        }
        return "the request body is not valid JSON for this operation";
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
