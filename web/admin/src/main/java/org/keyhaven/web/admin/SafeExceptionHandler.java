package org.keyhaven.web.admin;

import jakarta.faces.FacesException;
import jakarta.faces.application.ProtectedViewException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.web.Failure;

/**
 * No exception text ever reaches the browser: a failure that escaped the page's own handling (see {@link UiActions})
 * becomes a redirect to the error page with a category only (expired form, forbidden, not found, sealed, internal).
 * A form posted with a missing or foreign view state token (a forged cross-site request, or a page left open past
 * the session) is refused the same way, before any action runs. Internal errors are logged with their stack trace,
 * which never carries key material (services keep it out of exceptions).
 */
public class SafeExceptionHandler extends ExceptionHandlerWrapper {

    private static final Logger LOG = Logger.getLogger(SafeExceptionHandler.class.getName());

    public SafeExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        Throwable first = null;
        while (events.hasNext()) {
            Throwable thrown = events.next().getContext().getException();
            if (first == null) {
                first = thrown;
            }
            events.remove();
        }
        if (first != null) {
            answer(FacesContext.getCurrentInstance(), first);
        }
        getWrapped().handle();
    }

    private static void answer(FacesContext faces, Throwable thrown) {
        String category = category(thrown);
        ExternalContext external = faces.getExternalContext();
        if (external.isResponseCommitted()) {
            LOG.warning("admin UI: a failure after the response was committed (" + category + ")");
            faces.responseComplete();
            return;
        }
        try {
            external.responseReset();
            external.redirect(external.getRequestContextPath() + "/error.xhtml?problem=" + category);
            faces.responseComplete();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The error page's category for a failure; internal failures are logged here. */
    static String category(Throwable thrown) {
        for (Throwable t = thrown; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof ViewExpiredException || t instanceof ProtectedViewException) {
                return "expired";
            }
        }
        ErrorCode code = Failure.of(unwrapFaces(thrown)).code();
        return switch (code.httpStatus()) {
            case 401, 403 -> "forbidden";
            case 404 -> "not-found";
            case 503 -> "unavailable";
            case 500 -> {
                LOG.log(Level.SEVERE, "admin UI request failed", thrown);
                yield "internal";
            }
            default -> "invalid";
        };
    }

    private static Throwable unwrapFaces(Throwable thrown) {
        Throwable t = thrown;
        while (t instanceof FacesException && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
