package org.keyhaven.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.keyhaven.approval.ApprovalPolicy;
import org.keyhaven.approval.ApprovalService;
import org.keyhaven.seal.MasterKeyRotation;
import org.keyhaven.seal.RotationProgress;
import org.keyhaven.seal.SealService;
import org.keyhaven.seal.SealStatus;
import org.keyhaven.system.SettingsService;
import org.keyhaven.system.SettingsView;

/**
 * The settings page: server settings and the dual-control policy (security administrators change them; crypto
 * officers and auditors read them), the admin UI's off switch, and the master key (seal state for everyone, sealing
 * for security administrators, rotation for crypto officers). Each part loads on its own, so a refusal leaves a gap
 * with a message; the services decide who may do what, the page only hides what a role cannot use.
 */
@Named("settingsPage")
@RequestScoped
public class SettingsPage {

    @EJB
    private SettingsService settingsService;

    @EJB
    private ApprovalService approvals;

    @EJB
    private SealService seal;

    @EJB
    private MasterKeyRotation rotation;

    @Inject
    private UiActions ui;

    private SettingsView settings;
    private SettingsPolicyForm policy;
    private SealStatus sealStatus;
    private RotationProgress progress;
    private String environment;
    private String rotationPeriod;
    private boolean adminUiConfirmed;
    private boolean sealConfirmed;

    @PostConstruct
    void load() {
        ui.attempt(null, settingsService::settings).ifPresent(this::show);
        policy = ui.attempt(null, approvals::policy).map(SettingsPolicyForm::of).orElse(null);
        sealStatus = ui.attempt(null, seal::status).orElse(null);
        progress = ui.attempt(null, rotation::progress).orElse(null);
    }

    private void show(SettingsView view) {
        settings = view;
        environment = view.environment();
        rotationPeriod = view.defaultRotationPeriod();
    }

    public void changeEnvironment() {
        ui.attempt("env:label", () -> settingsService.changeEnvironment(environment)).ifPresent(view -> {
            show(view);
            ui.info("The environment label is now " + view.environment() + ".");
        });
    }

    public void changeRotationPeriod() {
        ui.attempt("rotation:period", () -> settingsService.changeDefaultRotationPeriod(rotationPeriod))
                .ifPresent(view -> {
                    show(view);
                    ui.info(view.defaultRotationPeriod() == null
                            ? "New keys get no rotation period unless their request names one."
                            : "New keys that name no rotation period rotate every " + view.defaultRotationPeriod()
                                    + ".");
                });
    }

    /** Saves the policy; when the policy itself needs approval, the change becomes a request instead. */
    public void savePolicy() {
        ui.attempt("policy:expiry", () -> policy.toPolicy())
                .flatMap(wanted -> ui.attempt(null, () -> approvals.changePolicy(wanted)))
                .ifPresent(saved -> {
                    policy = SettingsPolicyForm.of(saved);
                    ui.info("The dual-control policy is saved.");
                });
    }

    public void switchAdminUiOff() {
        if (!adminUiConfirmed) {
            ui.error("adminui:confirm", "tick the box to confirm that the admin UI goes off for everyone");
            return;
        }
        ui.attempt(null, () -> settingsService.enableAdminUi(false)).ifPresent(view -> {
            show(view);
            ui.info("The admin web UI is switched off: from the next request on it answers nobody, and every open"
                    + " session ends. Switch it on again with the management API on port 6001.");
        });
    }

    public void sealNow() {
        if (!sealConfirmed) {
            ui.error("seal:confirm", "tick the box to confirm that all key service stops");
            return;
        }
        ui.attempt(null, seal::seal).ifPresent(status -> {
            sealStatus = status;
            ui.info("Keyhaven is sealed: every key operation is refused until it is unsealed.");
        });
    }

    public void rotateMasterKey() {
        ui.attempt(null, rotation::start).ifPresent(started -> {
            progress = started;
            ui.info("Master key rotation to version " + started.toVersion() + " started.");
        });
    }

    public SettingsView getSettings() {
        return settings;
    }

    public SettingsPolicyForm getPolicy() {
        return policy;
    }

    public int getMaxApprovals() {
        return ApprovalPolicy.MAX_APPROVALS;
    }

    public SealStatus getSealStatus() {
        return sealStatus;
    }

    public RotationProgress getProgress() {
        return progress;
    }

    /** While true, the page reloads itself every two seconds to show the progress. */
    public boolean isRotationRunning() {
        return progress != null && "running".equals(progress.state());
    }

    public String getEnvironment() {
        return environment;
    }

    public void setEnvironment(String environment) {
        this.environment = environment;
    }

    public String getRotationPeriod() {
        return rotationPeriod;
    }

    public void setRotationPeriod(String rotationPeriod) {
        this.rotationPeriod = rotationPeriod;
    }

    public boolean isAdminUiConfirmed() {
        return adminUiConfirmed;
    }

    public void setAdminUiConfirmed(boolean adminUiConfirmed) {
        this.adminUiConfirmed = adminUiConfirmed;
    }

    public boolean isSealConfirmed() {
        return sealConfirmed;
    }

    public void setSealConfirmed(boolean sealConfirmed) {
        this.sealConfirmed = sealConfirmed;
    }
}
