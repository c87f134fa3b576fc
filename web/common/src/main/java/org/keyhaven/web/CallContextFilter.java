package org.keyhaven.web;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.keyhaven.audit.CallContext;

/** Tells the audit where the request came from: the peer address and the local port it arrived on. */
@Provider
@PreMatching
public class CallContextFilter implements ContainerRequestFilter {

    @Context
    private HttpServletRequest servletRequest;

    @Inject
    private CallContext callContext;

    @Override
    public void filter(ContainerRequestContext request) {
        callContext.set(servletRequest.getRemoteAddr(), servletRequest.getLocalPort());
    }
}
