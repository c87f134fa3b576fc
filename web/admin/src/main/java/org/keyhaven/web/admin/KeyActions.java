package org.keyhaven.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.keyhaven.key.KeyService;
import org.keyhaven.key.KeyView;
import org.keyhaven.key.RevocationReason;

/**
 * The lifecycle actions of the key page (crypto officers), one small form each. Each goes to the key service through
 * {@link UiActions}, so a refusal or an approval request under dual control shows as a message and the page shows
 * the key as it now is; a change carried out leads back to the key's page by redirect. Destroying asks the officer
 * to type the key's name first, and without it the service is not called.
 */
@Named
@RequestScoped
public class KeyActions {

    static final String REVOKE_REASON = "revoke:reason";
    static final String DESTROY_CONFIRM = "destroy:confirm";

    @EJB
    private KeyService keys;

    @Inject
    private UiActions ui;

    @Inject
    private KeyPage page;

    private RevocationReason reason;
    private String message;
    private String confirm;

    public void activate() throws IOException {
        change(null, () -> keys.activate(page.getId()), key -> "activated");
    }

    public void rotate() throws IOException {
        change(null, () -> keys.rotate(page.getId()),
                key -> "rotated: version " + key.currentVersion() + " is the current version");
    }

    public void deactivate() throws IOException {
        change(null, () -> keys.deactivate(page.getId()), key -> "deactivated");
    }

    public void revoke() throws IOException {
        String note = message == null || message.isBlank() ? null : message.trim();
        change(REVOKE_REASON, () -> keys.revoke(page.getId(), reason, note), key -> "revoked (" + reason + ")");
    }

    public void destroy() throws IOException {
        if (confirm == null || !confirm.equals(page.getName())) {
            ui.error(DESTROY_CONFIRM, "type the key's name exactly as shown to confirm destroying it");
            return;
        }
        change(null, () -> keys.destroy(page.getId()), key -> "destroyed: its key material is erased");
    }

    /** Carries out the call; a change done is announced on the key's page, reached by redirect. */
    private void change(String fieldId, Supplier<KeyView> call, Function<KeyView, String> what) throws IOException {
        Optional<KeyView> changed = ui.attempt(fieldId, call);
        if (changed.isPresent()) {
            KeyView key = changed.get();
            ui.info("Key " + key.name() + " " + what.apply(key) + ". It is now " + key.state() + ".");
            KeyRedirect.toKey(ui, key.id());
        }
    }

    public RevocationReason[] getReasons() {
        return RevocationReason.values();
    }

    public RevocationReason getReason() {
        return reason;
    }

    public void setReason(RevocationReason reason) {
        this.reason = reason;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getConfirm() {
        return confirm;
    }

    public void setConfirm(String confirm) {
        this.confirm = confirm;
    }
}
