package org.keyhaven.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import org.keyhaven.client.NewCertificate;

/**
 * Issuing a client certificate from a form, for both the new-application form and the client page: the form's CSR
 * (uploaded or pasted, see {@link ClientCsr}), the service call, and what it issued. The issued chain, PKCS#12 and its
 * one-time password live only in this request-scoped bean, for the one response that shows them; the service's
 * {@link NewCertificate} is closed (wiped) as soon as they are copied for rendering.
 */
@Named("issuance")
@RequestScoped
public class ClientIssuance {

    static final String FILE_FIELD = "csrFile";
    static final String TEXT_FIELD = "csr";

    @Inject
    private UiActions ui;

    private Part csrFile;
    private String csr;

    private String clientId;
    private String clientName;
    private String fingerprint;
    private String chainPem;
    private String pkcs12Base64;
    private String pkcs12Password;

    /**
     * Calls the service with the CSR of form {@code formId} (null when the form gives none); whether it issued.
     * Problems with the CSR input show next to that input, the service's refusals globally.
     */
    public boolean issue(String formId, Function<String, NewCertificate> service) {
        ClientCsr.Choice choice = ClientCsr.choose(ClientCsr.read(csrFile), csr);
        if (!choice.acceptable()) {
            ui.error(formId + ':' + (choice.problemSource() == ClientCsr.Source.FILE ? FILE_FIELD : TEXT_FIELD),
                    choice.problem());
            return false;
        }
        Optional<NewCertificate> issued = ui.attempt(null, () -> service.apply(choice.pem()));
        issued.ifPresent(this::keep);
        return issued.isPresent();
    }

    private void keep(NewCertificate issued) {
        try (issued) {
            clientId = issued.client().id();
            clientName = issued.client().name();
            fingerprint = issued.fingerprint();
            chainPem = issued.certificateChainPem();
            if (issued.pkcs12() != null) {
                pkcs12Base64 = Base64.getEncoder().encodeToString(issued.pkcs12());
                pkcs12Password = new String(issued.pkcs12Password());
            }
            csr = null;
        }
    }

    public boolean isIssued() {
        return fingerprint != null;
    }

    public boolean isWithPkcs12() {
        return pkcs12Base64 != null;
    }

    public String getClientId() {
        return clientId;
    }

    public String getClientName() {
        return clientName;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public String getChainPem() {
        return chainPem;
    }

    /** The PKCS#12 as a {@code data:} address, so the page offers it for download without keeping it anywhere. */
    public String getPkcs12Href() {
        return pkcs12Base64 == null ? null : "data:application/x-pkcs12;base64," + pkcs12Base64;
    }

    public String getPkcs12FileName() {
        return clientName + ".p12";
    }

    public String getPkcs12Password() {
        return pkcs12Password;
    }

    public Part getCsrFile() {
        return null;
    }

    public void setCsrFile(Part csrFile) {
        this.csrFile = csrFile;
    }

    public String getCsr() {
        return csr;
    }

    public void setCsr(String csr) {
        this.csr = csr;
    }
}
