package org.keyhaven.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The admin UI as raw HTTP, for what a browser would not do: forged and replayed form posts, header and cookie
 * checks. One instance is one browser session (its own cookie jar). Forms are posted the way a browser posts them:
 * the form's fields, the submit button, the view state token, and the page's own Origin.
 */
public final class AdminUi {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder()
            .sslContext(PinnedTls.context(port()))
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    public static int port() {
        return Suite.port(3886);
    }

    public static String base() {
        return "https://127.0.0.1:" + port();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).GET());
    }

    /** Logs in with the form; the answer is a redirect (302) on success. */
    public HttpResponse<String> login(String username, String password) {
        return submit("/login.xhtml", "login", Map.of("login:username", username, "login:password", password),
                "login:submit");
    }

    /** Loads the page, then posts the form as the browser would (its view state token and this origin). */
    public HttpResponse<String> submit(String path, String formId, Map<String, String> fields, String button) {
        String viewState = viewState(get(path).body()).orElseThrow(() ->
                new IllegalStateException("no form on " + path));
        return post(path, formId, fields, button, viewState, base());
    }

    /** A post with exactly the token and origin given (null: left out), to forge or replay requests. */
    public HttpResponse<String> post(String path, String formId, Map<String, String> fields, String button,
            String viewState, String origin) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put(formId, formId);
        form.putAll(fields);
        form.put(button, "submit");
        if (viewState != null) {
            form.put("jakarta.faces.ViewState", viewState);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path.replaceFirst("\\?.*", "")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return send(request);
    }

    public static Optional<String> viewState(String page) {
        Matcher matcher = VIEW_STATE.matcher(page);
        return matcher.find() ? Optional.of(matcher.group(1).replace("&#58;", ":")) : Optional.empty();
    }

    /** The session cookie's value now, if there is one. */
    public Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("__Host-KEYHAVEN"))
                .map(HttpCookie::getValue).findFirst();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
