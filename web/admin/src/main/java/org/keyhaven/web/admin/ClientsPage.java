package org.keyhaven.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import org.keyhaven.client.CertificateStatus;
import org.keyhaven.client.ClientService;
import org.keyhaven.client.ClientStatus;
import org.keyhaven.client.ClientView;

/**
 * The applications page: the list of clients, page by page, for crypto officers and auditors, and the form with which
 * an officer creates one, with a certificate for its CSR or a generated key and PKCS#12 (see {@link ClientIssuance}).
 */
@Named
@RequestScoped
public class ClientsPage {

    static final int PAGE = 50;

    @EJB
    private ClientService clients;

    @Inject
    private UiActions ui;

    @Inject
    private ClientIssuance issuance;

    private int offset;
    private List<Row> rows;
    private boolean more;

    @NotBlank(message = "enter a name for the application")
    @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,63}",
            message = "3-64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit")
    private String name;

    /** A client as the list shows it. */
    public record Row(String id, String name, ClientStatus status, long activeCertificates, Instant createdAt) {

        static Row of(ClientView client) {
            return new Row(client.id(), client.name(), client.status(), client.certificates().stream()
                    .filter(certificate -> certificate.status() == CertificateStatus.ACTIVE).count(),
                    client.createdAt());
        }
    }

    @PostConstruct
    void init() {
        String asked = ClientParameter.get("offset", 9);
        offset = asked.matches("\\d+") ? Integer.parseInt(asked) : 0;
    }

    /** Loads the page's list once per request, before rendering (a refusal then shows as a message). */
    public void load() {
        if (rows == null) {
            List<ClientView> found = ui.attempt(null, () -> clients.list(offset, PAGE + 1)).orElse(List.of());
            more = found.size() > PAGE;
            rows = found.stream().limit(PAGE).map(Row::of).toList();
        }
    }

    public void create() {
        String wanted = name;
        if (issuance.issue("createClient", csr -> clients.create(wanted, csr))) {
            ui.info("Application " + issuance.getClientName() + " is created"
                    + (issuance.isWithPkcs12() ? " with a generated key." : " with a certificate for its CSR."));
            name = null;
            rows = null;
        }
    }

    public List<Row> getRows() {
        load();
        return rows;
    }

    public boolean isMore() {
        load();
        return more;
    }

    public int getOffset() {
        return offset;
    }

    public int getNextOffset() {
        return offset + PAGE;
    }

    public int getPreviousOffset() {
        return Math.max(0, offset - PAGE);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
