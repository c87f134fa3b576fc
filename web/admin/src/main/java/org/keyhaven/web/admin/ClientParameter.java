package org.keyhaven.web.admin;

import jakarta.faces.context.FacesContext;

/**
 * A value the browser sent as a plain request parameter: the {@code ?id=} of a link, or the hidden field with which a
 * row's form names the object it acts on. Forms name their object themselves, so an action never depends on the
 * position of a row in a list that may have changed since the page was shown. The value is hostile: anything over
 * the length limit counts as absent, and the services validate the rest.
 */
final class ClientParameter {

    private ClientParameter() {
    }

    /** The parameter, or an empty string when it is absent or longer than {@code maxLength}. */
    static String get(String name, int maxLength) {
        return bounded(FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name),
                maxLength);
    }

    static String bounded(String value, int maxLength) {
        return value == null || value.length() > maxLength ? "" : value;
    }
}
