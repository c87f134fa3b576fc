package org.keyhaven.web.admin;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;

/** Installs {@link SafeExceptionHandler} over the Faces default. */
public class SafeExceptionHandlerFactory extends ExceptionHandlerFactory {

    public SafeExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new SafeExceptionHandler(getWrapped().getExceptionHandler());
    }
}
