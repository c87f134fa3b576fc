package org.keyhaven.web.admin;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keyhaven.audit.AuditEntry;
import org.keyhaven.audit.AuditFilter;
import org.keyhaven.audit.AuditService;
import org.keyhaven.web.Failure;

/**
 * {@code GET /audit.csv}: every audit record matching the audit page's filter parameters, newest first, as a CSV
 * download. Records are read a page at a time and streamed, so memory stays flat; at most {@value #MAX_ROWS} rows.
 * The admin UI's login and filters apply as to every page; who may read the trail is {@link AuditService}'s
 * decision. A refusal or bad filter gets a short plain text answer, never exception details; the first page is read
 * before anything is sent, so a refusal can still be answered with its status.
 */
@WebServlet("/audit.csv")
public class AuditCsvServlet extends HttpServlet {

    static final int PAGE = AuditService.MAX_PAGE;
    static final long MAX_ROWS = 1_000_000;
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(AuditCsvServlet.class.getName());

    @EJB
    private transient AuditService audit;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AuditQuery query = AuditQuery.parse(request::getParameter);
        if (!query.valid()) {
            text(response, HttpServletResponse.SC_BAD_REQUEST, "Invalid filter: " + query.describeErrors());
            return;
        }
        List<AuditEntry> first;
        try {
            first = audit.search(query.filter(), null, PAGE);
        } catch (RuntimeException e) {
            refuse(response, e);
            return;
        }
        response.setContentType(AuditCsv.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + AuditCsv.fileName(Instant.now())
                + "\"");
        Writer out = response.getWriter();
        out.write(AuditCsv.header());
        long rows = 0;
        try {
            rows = stream(query.filter(), first, out);
        } catch (RuntimeException e) {
            // the status line is sent already: the download ends short, and the log says so
            LOG.log(Level.SEVERE, "admin UI: the audit CSV export failed part way", e);
        }
        if (rows >= MAX_ROWS) {
            LOG.warning("admin UI: an audit CSV export stopped at its limit of " + MAX_ROWS + " rows");
        }
    }

    /** Writes {@code page} and every older match after it; answers the number of rows written. */
    private long stream(AuditFilter filter, List<AuditEntry> firstPage, Writer out) throws IOException {
        long rows = 0;
        List<AuditEntry> page = firstPage;
        while (true) {
            for (AuditEntry entry : page) {
                if (rows == MAX_ROWS) {
                    return rows;
                }
                out.write(AuditCsv.row(entry));
                rows++;
            }
            if (page.size() < PAGE) {
                return rows;
            }
            page = audit.search(filter, page.get(page.size() - 1).seq(), PAGE);
        }
    }

    private static void refuse(HttpServletResponse response, RuntimeException thrown) throws IOException {
        Failure failure = Failure.of(thrown);
        int status = failure.code().httpStatus();
        if (status >= 500) {
            LOG.log(Level.SEVERE, "admin UI: the audit CSV export failed", thrown);
            text(response, status, status == HttpServletResponse.SC_SERVICE_UNAVAILABLE
                    ? "Keyhaven is sealed or busy; try the export again later."
                    : "The export failed on the server; the server log has the details.");
        } else if (status == HttpServletResponse.SC_UNAUTHORIZED || status == HttpServletResponse.SC_FORBIDDEN) {
            text(response, HttpServletResponse.SC_FORBIDDEN, "Your role does not allow reading the audit trail.");
        } else {
            text(response, status, "Refused: " + failure.detail());
        }
    }

    private static void text(HttpServletResponse response, int status, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(text + "\n");
    }
}
