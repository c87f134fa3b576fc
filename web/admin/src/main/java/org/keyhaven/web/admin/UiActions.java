package org.keyhaven.web.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keyhaven.approval.ApprovalPendingException;
import org.keyhaven.approval.ApprovalView;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.web.Failure;

/**
 * Runs a page's call into the services and turns the outcome into messages: a refusal shows the service's own safe
 * explanation (next to a field when the page names one), a request that went to dual control says plainly that it
 * awaits approval, and anything unexpected shows a generic text while the details go to the server log.
 */
@ApplicationScoped
public class UiActions {

    private static final Logger LOG = Logger.getLogger(UiActions.class.getName());

    /** The result, or empty when the call was refused, failed, or became an approval request. */
    public <T> Optional<T> attempt(String fieldId, Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (ApprovalPendingException pending) {
            ApprovalView request = pending.request();
            info("Awaiting approval: request " + request.id() + " needs " + request.required()
                    + " approval(s) from another " + request.operation().approverRole().name().toLowerCase()
                    .replace('_', ' ') + " before it is carried out.");
            return Optional.empty();
        } catch (RuntimeException e) {
            Failure failure = Failure.of(e);
            if (failure.code() == ErrorCode.INTERNAL) {
                LOG.log(Level.SEVERE, "admin UI action failed", e);
                error(null, "The operation failed on the server; it was not carried out. Try again or check the"
                        + " server log.");
            } else {
                error(fieldId, failure.detail());
            }
            return Optional.empty();
        }
    }

    /** Whether the call was carried out. */
    public boolean run(String fieldId, Runnable call) {
        return attempt(fieldId, () -> {
            call.run();
            return Boolean.TRUE;
        }).isPresent();
    }

    public void info(String text) {
        add(null, FacesMessage.SEVERITY_INFO, text);
    }

    public void error(String fieldId, String text) {
        add(fieldId, FacesMessage.SEVERITY_ERROR, text);
    }

    private static void add(String fieldId, FacesMessage.Severity severity, String text) {
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.addMessage(fieldId, new FacesMessage(severity, text, null));
    }

    /** Keeps this request's messages for the page a redirect leads to. */
    public void keepForRedirect() {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }
}
