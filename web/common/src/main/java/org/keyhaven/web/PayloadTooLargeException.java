package org.keyhaven.web;

import java.io.IOException;

/** Thrown while reading a request body that exceeds the limit. */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("request body exceeds " + limit + " bytes");
    }
}
