package org.keyhaven.client;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.common.Texts;

/** Clients, their certificates and grants, and the certificate authorities. Rows are integrity-checked on load. */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class ClientRepository {

    @PersistenceContext(unitName = "keyhaven")
    private EntityManager em;

    public Optional<ClientCertificate> findCertificate(String fingerprint) {
        return Optional.ofNullable(em.find(ClientCertificate.class, fingerprint));
    }

    public Optional<Client> findClientByName(String name) {
        return em.createQuery("select c from Client c where c.name = :name", Client.class)
                .setParameter("name", name).getResultStream().findFirst();
    }

    /** By id, locked against concurrent change for the rest of the transaction. */
    /** The client by id or by name, locked for the rest of the transaction. */
    public Client getClientForUpdate(String idOrName) {
        Client client = getClient(idOrName);
        em.lock(client, LockModeType.PESSIMISTIC_WRITE);
        return client;
    }

    /** The client by id or by name (names never look like ids). */
    public Client getClient(String idOrName) {
        Client client = idOrName == null ? null : Optional.ofNullable(em.find(Client.class, idOrName))
                .or(() -> findClientByName(idOrName)).orElse(null);
        if (client == null) {
            throw new KeyhavenException(ErrorCode.CLIENT_NOT_FOUND, "no client '" + Texts.printable(idOrName, 60)
                    + "'", idOrName != null && idOrName.length() <= 64 ? idOrName : null);
        }
        return client;
    }

    public List<Client> clients(int offset, int limit) {
        return em.createQuery("select c from Client c order by c.name", Client.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public void add(Client client) {
        em.persist(client);
        em.flush();
    }

    public Optional<CertificateAuthority> internalCa() {
        return em.createQuery("select a from CertificateAuthority a where a.kind = :internal",
                CertificateAuthority.class).setParameter("internal", CaKind.INTERNAL).getResultStream().findFirst();
    }

    public List<CertificateAuthority> cas() {
        return em.createQuery("select a from CertificateAuthority a order by a.kind, a.name",
                CertificateAuthority.class).getResultList();
    }

    public CertificateAuthority getCa(String id) {
        CertificateAuthority ca = id == null ? null : em.find(CertificateAuthority.class, id);
        if (ca == null) {
            throw new KeyhavenException(ErrorCode.CA_NOT_FOUND, "no certificate authority '"
                    + Texts.printable(id, 60) + "'", id != null && id.length() <= 64 ? id : null);
        }
        return ca;
    }

    public Optional<CertificateAuthority> findCaByFingerprint(String fingerprint) {
        return em.createQuery("select a from CertificateAuthority a where a.fingerprint = :fingerprint",
                CertificateAuthority.class).setParameter("fingerprint", fingerprint).getResultStream().findFirst();
    }

    public void add(CertificateAuthority ca) {
        em.persist(ca);
        em.flush();
    }

    public void flush() {
        em.flush();
    }
}
