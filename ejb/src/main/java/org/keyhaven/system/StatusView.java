package org.keyhaven.system;

import org.keyhaven.seal.RotationProgress;
import org.keyhaven.seal.SealStatus;

/** What {@code GET /status} reports: no secrets. */
public record StatusView(String version, String environment, SealStatus seal, RotationProgress masterKeyRotation) {
}
