package org.keyhaven.web.admin;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Post-redirect-get after a key was created or changed: the browser lands on the key's own page by GET (so a reload
 * repeats nothing), and this request's messages travel along in the flash.
 */
final class KeyRedirect {

    private KeyRedirect() {
    }

    static void toKey(UiActions ui, String keyId) throws IOException {
        ui.keepForRedirect();
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        external.redirect(external.getRequestContextPath() + "/key.xhtml?id="
                + URLEncoder.encode(keyId, StandardCharsets.UTF_8));
        faces.responseComplete();
    }
}
