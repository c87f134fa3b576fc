package org.keyhaven.audit;

import jakarta.enterprise.context.RequestScoped;

/**
 * Where the current call came from: set by the entry point (a web filter, the KMIP listener) and read by the
 * audit. Unset fields stay null (timers, startup).
 */
@RequestScoped
public class CallContext {

    private String clientAddress;
    private Integer port;

    public void set(String clientAddress, int port) {
        this.clientAddress = clientAddress;
        this.port = port;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public Integer port() {
        return port;
    }
}
