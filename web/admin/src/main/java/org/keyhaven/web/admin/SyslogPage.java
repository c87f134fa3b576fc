package org.keyhaven.web.admin;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.keyhaven.monitor.syslog.SyslogDestinationView;
import org.keyhaven.monitor.syslog.SyslogFormat;
import org.keyhaven.monitor.syslog.SyslogService;
import org.keyhaven.monitor.syslog.Transport;

/**
 * The syslog page: where the audit trail is forwarded. Security administrators create, enable, disable and delete
 * destinations; auditors read them with their delivery state (the service enforces both). Each row's forms name their
 * destination in a hidden field, so an action never hits another destination when the list changed since it was
 * shown; deleting needs that row's confirmation box ticked. A change carried out is announced on the page reloaded
 * by GET, so reloading the browser repeats nothing.
 */
@Named
@RequestScoped
public class SyslogPage {

    static final String FORM = "createSyslog";
    private static final String RELOAD = "/syslog?faces-redirect=true";
    private static final String CONFIRM = "confirm";
    private static final int MAX_ID = 64;

    @EJB
    private SyslogService syslog;

    @Inject
    private UiActions ui;

    private final SyslogForm form = new SyslogForm();
    private List<SyslogDestinationView> list;
    private boolean deleteConfirmed;

    /** Loads the list once per request, before rendering (a refusal then shows as a message). */
    public void load() {
        if (list == null) {
            list = ui.attempt(null, syslog::list).orElse(List.of());
        }
    }

    /** Checks every field (each refusal next to its field), then the CA against the transport, then creates. */
    public String create() {
        List<String> names = getList().stream().map(SyslogDestinationView::name).toList();
        boolean valid = true;
        for (SyslogForm.FieldCheck check : form.checks(names)) {
            valid &= ui.run(FORM + ":" + check.field(), check.check());
        }
        if (!valid || !ui.run(FORM + ":ca", form::checkCa)) {
            return null;
        }
        return ui.attempt(null, () -> syslog.create(form.request()))
                .map(created -> reload("Syslog destination " + created.name() + " is created; it receives the"
                        + " audit records from number " + (created.cursor() + 1) + " on."))
                .orElseGet(this::stay);
    }

    public String enable() {
        return change(true).map(destination -> reload("Syslog destination " + destination.name() + " is enabled;"
                + " it receives the audit records from number " + (destination.cursor() + 1) + " on."))
                .orElseGet(this::stay);
    }

    public String disable() {
        return change(false).map(destination -> reload("Syslog destination " + destination.name() + " is disabled."
                + " It keeps its place (record " + destination.cursor() + " delivered) and catches up once enabled"
                + " again.")).orElseGet(this::stay);
    }

    /** Deletes the posted destination once its row's box is ticked; without it the service is not called. */
    public String delete() {
        if (!deleteConfirmed) {
            ui.error(confirmBoxId(), "tick the box to confirm deleting this destination");
            return null;
        }
        String id = postedDestination();
        String name = getList().stream().filter(destination -> destination.id().equals(id))
                .map(SyslogDestinationView::name).findFirst().orElse(id);
        return ui.run(null, () -> syslog.delete(id))
                ? reload("Syslog destination " + name + " is deleted; no more audit records go to it.") : stay();
    }

    private Optional<SyslogDestinationView> change(boolean enabled) {
        String id = postedDestination();
        return ui.attempt(null, () -> syslog.setEnabled(id, enabled));
    }

    /** A change carried out: its message travels to the page reloaded by GET. */
    private String reload(String done) {
        ui.info(done);
        ui.keepForRedirect();
        return RELOAD;
    }

    /** A refusal: the same page, with the list as it now is. */
    private String stay() {
        list = null;
        return null;
    }

    private static String postedDestination() {
        return ClientParameter.get("destination", MAX_ID);
    }

    /**
     * The confirmation box of the row whose delete button was pressed: while the action runs, the button is the
     * current component and the table stands on its row, so the box's client id is that row's.
     */
    private static String confirmBoxId() {
        FacesContext faces = FacesContext.getCurrentInstance();
        UIComponent button = UIComponent.getCurrentComponent(faces);
        UIComponent box = button == null ? null : button.findComponent(CONFIRM);
        return box == null ? null : box.getClientId(faces);
    }

    public List<SyslogDestinationView> getList() {
        load();
        return list;
    }

    public SyslogForm getForm() {
        return form;
    }

    public List<String> getTransports() {
        return Arrays.stream(Transport.values()).map(Transport::name).toList();
    }

    public List<String> getFormats() {
        return Arrays.stream(SyslogFormat.values()).map(SyslogFormat::name).toList();
    }

    public long getDefaultAlarm() {
        return SyslogService.DEFAULT_BACKLOG_ALARM;
    }

    public boolean isDeleteConfirmed() {
        return deleteConfirmed;
    }

    public void setDeleteConfirmed(boolean deleteConfirmed) {
        this.deleteConfirmed = deleteConfirmed;
    }
}
