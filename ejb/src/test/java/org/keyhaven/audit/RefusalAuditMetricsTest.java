package org.keyhaven.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.keyhaven.approval.ApprovalKind;
import org.keyhaven.approval.ApprovalPendingException;
import org.keyhaven.approval.ApprovalView;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.monitor.OperationMeter;
import org.keyhaven.monitor.OperationMetrics;
import org.keyhaven.testing.Fields;

/**
 * The interceptor counts every audited call once, under its operation name, for the JMX operation metrics: a
 * refusal or failure is an error, a request for approval is not, and the caller still gets the outcome unchanged.
 */
class RefusalAuditMetricsTest {

    private final List<AuditEvent> refusals = new ArrayList<>();
    private final OperationMeter meter = new OperationMeter();
    private final RefusalAudit interceptor = new RefusalAudit();

    RefusalAuditMetricsTest() {
        Fields.set(interceptor, "auditLog", new AuditLog() {
            @Override
            public void recordIndependently(AuditEvent event) {
                refusals.add(event);
            }
        });
        Fields.set(interceptor, "meter", meter);
    }

    /** The service methods the interceptor wraps in these tests. */
    static class Service {
        @AuditedOperation("key.create")
        public String create() {
            return "created";
        }

        public String unaudited() {
            return "plain";
        }
    }

    private OperationMetrics.Snapshot figures(String operation) {
        return meter.metrics().snapshot(operation).orElseThrow();
    }

    @Test
    void aSuccessfulCallIsCountedWithoutError() throws Exception {
        Object result = interceptor.audit(invocation("create", () -> "created"));

        assertThat(result).isEqualTo("created");
        assertThat(figures("key.create").count()).isEqualTo(1);
        assertThat(figures("key.create").errors()).isZero();
        assertThat(refusals).isEmpty();
    }

    @Test
    void aRefusalIsCountedAsAnErrorAndStillReachesTheCaller() {
        KeyhavenException refusal = new KeyhavenException(ErrorCode.FORBIDDEN, "not granted");

        assertThatThrownBy(() -> interceptor.audit(invocation("create", () -> {
            throw refusal;
        }))).isSameAs(refusal);

        assertThat(figures("key.create").count()).isEqualTo(1);
        assertThat(figures("key.create").errors()).isEqualTo(1);
        assertThat(refusals).hasSize(1);
    }

    @Test
    void anUnexpectedFailureIsCountedAsAnError() {
        IllegalStateException failure = new IllegalStateException("boom");

        assertThatThrownBy(() -> interceptor.audit(invocation("create", () -> {
            throw failure;
        }))).isSameAs(failure);

        assertThat(figures("key.create").errors()).isEqualTo(1);
    }

    @Test
    void aRequestForApprovalIsNotAnError() {
        ApprovalPendingException pending = new ApprovalPendingException(new ApprovalView("request-1",
                ApprovalKind.values()[0], null, null, "alice", null, null, 1, List.of(), null, null, null, null, null,
                null));

        assertThatThrownBy(() -> interceptor.audit(invocation("create", () -> {
            throw pending;
        }))).isSameAs(pending);

        assertThat(figures("key.create").count()).isEqualTo(1);
        assertThat(figures("key.create").errors()).isZero();
        assertThat(refusals).isEmpty();
    }

    @Test
    void aMethodWithoutAnOperationIsNotCounted() throws Exception {
        interceptor.audit(invocation("unaudited", () -> "plain"));

        assertThat(meter.metrics().operations()).isEmpty();
    }

    @Test
    void theCallIsTimed() throws Exception {
        interceptor.audit(invocation("create", () -> {
            Thread.sleep(20);
            return "created";
        }));

        assertThat(figures("key.create").maxMillis()).isGreaterThanOrEqualTo(15.0);
    }

    private static InvocationContext invocation(String methodName, Callable<Object> body)
            throws NoSuchMethodException {
        Method method = Service.class.getMethod(methodName);
        return new InvocationContext() {
            private final Map<String, Object> data = new HashMap<>();

            @Override
            public Object getTarget() {
                return new Service();
            }

            @Override
            public Object getTimer() {
                return null;
            }

            @Override
            public Method getMethod() {
                return method;
            }

            @Override
            public Constructor<?> getConstructor() {
                return null;
            }

            @Override
            public Object[] getParameters() {
                return new Object[0];
            }

            @Override
            public void setParameters(Object[] params) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Map<String, Object> getContextData() {
                return data;
            }

            @Override
            public Object proceed() throws Exception {
                return body.call();
            }
        };
    }
}
