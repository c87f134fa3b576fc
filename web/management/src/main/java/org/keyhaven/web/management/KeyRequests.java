package org.keyhaven.web.management;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Request bodies of the key endpoints. Field names are the public contract (DESIGN.md section 11). */
public final class KeyRequests {

    private KeyRequests() {
    }

    public record Create(
            @NotBlank @Size(max = 255) String name,
            @NotBlank @Size(max = 32) String algorithm,
            @Positive @Max(65536) Integer length,
            @Size(max = 32) String curve,
            @Size(max = 16) List<@NotBlank @Size(max = 16) String> usage,
            Boolean exportable,
            @Size(max = 32) String rotationPeriod,
            Boolean activate,
            Instant activationDate,
            Instant deactivationDate,
            @Size(max = 64) Map<@NotBlank @Size(max = 255) String, @NotNull @Size(max = 4000) String> attributes) {
    }

    public record Revoke(@Size(max = 32) String reason, @Size(max = 512) String message) {
    }

    /** {@code rotationPeriod} "none" removes automatic rotation. */
    public record Policy(@Positive Integer minDecryptionVersion, @Size(max = 32) String rotationPeriod,
            Instant deactivationDate) {
    }
}
