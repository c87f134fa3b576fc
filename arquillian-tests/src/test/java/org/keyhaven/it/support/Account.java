package org.keyhaven.it.support;

/** An admin user of the server under test, with a client that authenticates as them. */
public record Account(String username, String password, String id, Api api) {
}
