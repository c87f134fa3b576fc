package org.keyhaven.client;

/** Fired (asynchronously, after commit) when the set of trusted CAs or their rules changed. */
public record TrustChanged() {
}
