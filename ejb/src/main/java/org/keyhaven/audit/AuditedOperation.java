package org.keyhaven.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the audited operation of a service method. With {@link RefusalAudit} on the bean, every refusal or failure
 * of the method is recorded in its own transaction, so the record survives the rollback of the action. Successes
 * are recorded by the method itself, inside the action's transaction, with their details.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AuditedOperation {
    String value();

    /**
     * The index of the parameter that names the object the operation concerns, for refusals that happen before the
     * object is loaded (sealed, not found); -1 for none.
     */
    int object() default -1;
}
