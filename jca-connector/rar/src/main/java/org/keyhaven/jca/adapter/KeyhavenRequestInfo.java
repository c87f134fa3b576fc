package org.keyhaven.jca.adapter;

import jakarta.resource.spi.ConnectionRequestInfo;

/**
 * What a connection request asks for: a connection of one client identity, named by the SHA-256 fingerprint of its
 * leaf certificate. The pool only hands out a managed connection made with an equal request info (and the same
 * credentials), so a connection opened for one identity never serves another, whatever the pool's partitioning.
 */
record KeyhavenRequestInfo(String clientFingerprint) implements ConnectionRequestInfo {
}
