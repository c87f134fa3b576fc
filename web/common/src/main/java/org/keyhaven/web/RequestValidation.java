package org.keyhaven.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.keyhaven.common.Texts;

/**
 * Bean Validation of request bodies, called explicitly by resources so that every violation becomes the same
 * problem+json (invalid-request with the list of fields) whatever the JAX-RS implementation would do.
 */
@ApplicationScoped
public class RequestValidation {

    @Inject
    private Validator validator;

    public <T> T valid(T body) {
        if (body == null) {
            throw new InvalidRequestException("a JSON request body is required", List.of());
        }
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            List<Problem.FieldError> errors = violations.stream()
                    .map(v -> new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field))
                    .toList();
            throw new InvalidRequestException("invalid request: " + Texts.truncate(errors.stream()
                    .map(e -> e.field() + " " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""), 500), errors);
        }
        return body;
    }
}
