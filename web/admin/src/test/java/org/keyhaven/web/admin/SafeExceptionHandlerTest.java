package org.keyhaven.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.faces.FacesException;
import jakarta.faces.application.ProtectedViewException;
import jakarta.faces.application.ViewExpiredException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/**
 * The error page category of a failure that escaped the admin UI's pages: expired forms, forbidden, not found,
 * unavailable, invalid and internal; only internal failures are logged. The Faces and EJB exceptions used here
 * are plain API classes that need no container.
 */
class SafeExceptionHandlerTest {

    private final Logger log = Logger.getLogger(SafeExceptionHandler.class.getName());
    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private boolean usedParentHandlers;

    @BeforeEach
    void captureTheLog() {
        usedParentHandlers = log.getUseParentHandlers();
        log.setUseParentHandlers(false);
        log.addHandler(capture);
    }

    @AfterEach
    void restoreTheLog() {
        log.removeHandler(capture);
        log.setUseParentHandlers(usedParentHandlers);
    }

    private static KeyhavenException failure(ErrorCode code) {
        return new KeyhavenException(code, "refused for the test", "obj-1");
    }

    @Test
    void anExpiredViewIsExpired() {
        assertThat(SafeExceptionHandler.category(new ViewExpiredException("view expired", "/keys.xhtml")))
                .isEqualTo("expired");
    }

    @Test
    void anExpiredViewWrappedInAFacesExceptionIsExpired() {
        FacesException wrapped = new FacesException(new ViewExpiredException("view expired", "/keys.xhtml"));

        assertThat(SafeExceptionHandler.category(wrapped)).isEqualTo("expired");
    }

    @Test
    void anExpiredViewDeepInTheCauseChainIsExpired() {
        Throwable deep = new RuntimeException(new FacesException(new IllegalStateException(
                new ViewExpiredException("view expired", "/keys.xhtml"))));

        assertThat(SafeExceptionHandler.category(deep)).isEqualTo("expired");
    }

    @Test
    void aProtectedViewWithoutItsTokenIsExpired() {
        assertThat(SafeExceptionHandler.category(new ProtectedViewException("no token"))).isEqualTo("expired");
    }

    @Test
    void anEjbAccessRefusalIsForbidden() {
        assertThat(SafeExceptionHandler.category(new EJBAccessException("not in role"))).isEqualTo("forbidden");
    }

    @Test
    void anEjbAccessRefusalWrappedInAFacesExceptionIsForbidden() {
        assertThat(SafeExceptionHandler.category(new FacesException(new EJBAccessException("not in role"))))
                .isEqualTo("forbidden");
    }

    @Test
    void unauthorisedAndForbiddenCodesAreForbidden() {
        assertThat(SafeExceptionHandler.category(failure(ErrorCode.UNAUTHORIZED))).isEqualTo("forbidden");
        assertThat(SafeExceptionHandler.category(failure(ErrorCode.SELF_APPROVAL))).isEqualTo("forbidden");
    }

    @Test
    void aKeyThatDoesNotExistIsNotFound() {
        assertThat(SafeExceptionHandler.category(failure(ErrorCode.KEY_NOT_FOUND))).isEqualTo("not-found");
    }

    @Test
    void aNotFoundWrappedInFacesAndEjbExceptionsIsNotFound() {
        Throwable wrapped = new FacesException(new FacesException(new EJBException(failure(ErrorCode.KEY_NOT_FOUND))));

        assertThat(SafeExceptionHandler.category(wrapped)).isEqualTo("not-found");
    }

    @Test
    void aSealedServerIsUnavailable() {
        assertThat(SafeExceptionHandler.category(failure(ErrorCode.SEALED))).isEqualTo("unavailable");
        assertThat(SafeExceptionHandler.category(failure(ErrorCode.SERVER_BUSY))).isEqualTo("unavailable");
    }

    @Test
    void anInvalidRequestIsInvalid() {
        assertThat(SafeExceptionHandler.category(failure(ErrorCode.INVALID_REQUEST))).isEqualTo("invalid");
    }

    @Test
    void conflictsAndOtherClientErrorsAreInvalid() {
        assertThat(SafeExceptionHandler.category(failure(ErrorCode.DUPLICATE_NAME))).isEqualTo("invalid");
        assertThat(SafeExceptionHandler.category(failure(ErrorCode.APPROVAL_EXPIRED))).isEqualTo("invalid");
        assertThat(SafeExceptionHandler.category(failure(ErrorCode.RATE_LIMITED))).isEqualTo("invalid");
    }

    @Test
    void clientErrorsAreNotLogged() {
        SafeExceptionHandler.category(failure(ErrorCode.INVALID_REQUEST));
        SafeExceptionHandler.category(failure(ErrorCode.KEY_NOT_FOUND));
        SafeExceptionHandler.category(new ViewExpiredException("view expired", "/keys.xhtml"));

        assertThat(logged).isEmpty();
    }

    @Test
    void anUnexpectedExceptionIsInternalAndLoggedWithItsStackTrace() {
        IllegalStateException bug = new IllegalStateException("a bug");

        assertThat(SafeExceptionHandler.category(bug)).isEqualTo("internal");
        assertThat(logged).singleElement().satisfies(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.SEVERE);
            assertThat(record.getThrown()).isSameAs(bug);
        });
    }

    @Test
    void anUnexpectedExceptionWrappedInAFacesExceptionIsInternal() {
        assertThat(SafeExceptionHandler.category(new FacesException(new NullPointerException()))).isEqualTo("internal");
    }

    @Test
    void anInternalKeyhavenFailureIsInternal() {
        assertThat(SafeExceptionHandler.category(failure(ErrorCode.INTEGRITY_VIOLATION))).isEqualTo("internal");
        assertThat(logged).hasSize(1);
    }
}
