package org.keyhaven.access;

import org.keyhaven.crypto.KeyhavenProvider;

/** Random one-time passwords: 20 characters of an unambiguous alphabet (about 113 bits). */
final class OneTimePasswords {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int LENGTH = 20;

    private OneTimePasswords() {
    }

    static char[] generate() {
        char[] password = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            password[i] = ALPHABET.charAt(KeyhavenProvider.random().nextInt(ALPHABET.length()));
        }
        return password;
    }
}
