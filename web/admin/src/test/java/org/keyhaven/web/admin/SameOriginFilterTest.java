package org.keyhaven.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The cross-site request forgery guard of the admin UI: a post passes only when its {@code Origin} is exactly
 * {@code https://} plus this request's {@code Host}. Servlet objects are hand-written {@link Proxy} stubs that fail
 * on any method the test did not expect.
 */
class SameOriginFilterTest {

    /** A request with the given method and headers (names case-insensitive); every other method is unexpected. */
    private static HttpServletRequest request(String method, Map<String, String> headers) {
        Map<String, String> byName = new HashMap<>();
        headers.forEach((name, value) -> byName.put(name.toLowerCase(Locale.ROOT), value));
        return (HttpServletRequest) Proxy.newProxyInstance(SameOriginFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, called, args) -> switch (called.getName()) {
                    case "getHeader" -> byName.get(((String) args[0]).toLowerCase(Locale.ROOT));
                    case "getMethod" -> method;
                    case "toString" -> "stub request";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException("unexpected call " + called.getName());
                });
    }

    private static HttpServletRequest withHost(String host) {
        return request("POST", host == null ? Map.of() : Map.of("Host", host));
    }

    /** A response that records its status, content type and body. */
    private static final class RecordedResponse {
        final Map<String, Object> recorded = new HashMap<>();
        final StringWriter body = new StringWriter();
        final HttpServletResponse stub = (HttpServletResponse) Proxy.newProxyInstance(
                SameOriginFilterTest.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, called, args) -> switch (called.getName()) {
                    case "setStatus" -> recorded.put("status", args[0]);
                    case "setContentType" -> recorded.put("contentType", args[0]);
                    case "getWriter" -> new PrintWriter(body, true);
                    case "toString" -> "stub response";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException("unexpected call " + called.getName());
                });
    }

    private static boolean passes(HttpServletRequest request, RecordedResponse response) throws Exception {
        AtomicBoolean passed = new AtomicBoolean();
        FilterChain chain = (req, res) -> passed.set(true);
        new SameOriginFilter().doFilter(request, response.stub, chain);
        return passed.get();
    }

    @Test
    void theSameHostWithItsPortIsTheSameOrigin() {
        assertThat(SameOriginFilter.sameOrigin("https://admin.example.org:3886", withHost("admin.example.org:3886")))
                .isTrue();
    }

    @Test
    void theSameHostWithoutAPortIsTheSameOrigin() {
        assertThat(SameOriginFilter.sameOrigin("https://admin.example.org", withHost("admin.example.org"))).isTrue();
    }

    @Test
    void hostNamesAreComparedCaseInsensitively() {
        assertThat(SameOriginFilter.sameOrigin("HTTPS://Admin.Example.ORG:3886", withHost("admin.EXAMPLE.org:3886")))
                .isTrue();
    }

    @Test
    void plainHttpIsRefused() {
        assertThat(SameOriginFilter.sameOrigin("http://admin.example.org:3886", withHost("admin.example.org:3886")))
                .isFalse();
    }

    @Test
    void anotherHostIsRefused() {
        assertThat(SameOriginFilter.sameOrigin("https://evil.example.com:3886", withHost("admin.example.org:3886")))
                .isFalse();
    }

    @Test
    void aHostThatMerelyStartsTheSameIsRefused() {
        assertThat(SameOriginFilter.sameOrigin("https://admin.example.org.evil.com",
                withHost("admin.example.org"))).isFalse();
    }

    @Test
    void anotherPortIsRefused() {
        assertThat(SameOriginFilter.sameOrigin("https://admin.example.org:8443", withHost("admin.example.org:3886")))
                .isFalse();
        assertThat(SameOriginFilter.sameOrigin("https://admin.example.org", withHost("admin.example.org:3886")))
                .isFalse();
    }

    @Test
    void anOriginWithAPathOrTrailingSlashIsRefused() {
        assertThat(SameOriginFilter.sameOrigin("https://admin.example.org/", withHost("admin.example.org")))
                .isFalse();
    }

    @Test
    void aMissingOriginIsRefused() {
        assertThat(SameOriginFilter.sameOrigin(null, withHost("admin.example.org:3886"))).isFalse();
    }

    @Test
    void theOpaqueNullOriginIsRefused() {
        assertThat(SameOriginFilter.sameOrigin("null", withHost("admin.example.org:3886"))).isFalse();
    }

    @Test
    void anEmptyOriginIsRefused() {
        assertThat(SameOriginFilter.sameOrigin("", withHost("admin.example.org:3886"))).isFalse();
    }

    @Test
    void aRequestWithoutAHostHeaderIsRefused() {
        assertThat(SameOriginFilter.sameOrigin("https://admin.example.org", withHost(null))).isFalse();
    }

    @Test
    void aGetPassesWithoutAnyOrigin() throws Exception {
        RecordedResponse response = new RecordedResponse();

        assertThat(passes(request("GET", Map.of("Host", "admin.example.org")), response)).isTrue();
        assertThat(response.recorded).isEmpty();
    }

    @Test
    void aHeadPassesWithoutAnyOrigin() throws Exception {
        assertThat(passes(request("HEAD", Map.of("Host", "admin.example.org")), new RecordedResponse())).isTrue();
    }

    @Test
    void aPostFromThisOriginPasses() throws Exception {
        RecordedResponse response = new RecordedResponse();
        HttpServletRequest post = request("POST",
                Map.of("Host", "admin.example.org:3886", "Origin", "https://admin.example.org:3886"));

        assertThat(passes(post, response)).isTrue();
        assertThat(response.recorded).isEmpty();
    }

    @Test
    void aPostWithoutAnOriginIsRefusedWithForbidden() throws Exception {
        RecordedResponse response = new RecordedResponse();

        assertThat(passes(request("POST", Map.of("Host", "admin.example.org:3886")), response)).isFalse();
        assertThat(response.recorded).containsEntry("status", HttpServletResponse.SC_FORBIDDEN)
                .containsEntry("contentType", "text/plain;charset=UTF-8");
        assertThat(response.body).hasToString(SameOriginFilter.REFUSED);
    }

    @Test
    void aPostFromAnotherSiteIsRefused() throws Exception {
        RecordedResponse response = new RecordedResponse();
        HttpServletRequest post = request("POST",
                Map.of("Host", "admin.example.org:3886", "Origin", "https://evil.example.com"));

        assertThat(passes(post, response)).isFalse();
        assertThat(response.recorded).containsEntry("status", HttpServletResponse.SC_FORBIDDEN);
    }

    @Test
    void otherMethodsNeedTheOriginToo() throws Exception {
        for (String method : new String[] {"PUT", "DELETE", "PATCH", "get"}) {
            RecordedResponse response = new RecordedResponse();

            assertThat(passes(request(method, Map.of("Host", "admin.example.org")), response)).as(method).isFalse();
            assertThat(response.recorded).as(method).containsEntry("status", HttpServletResponse.SC_FORBIDDEN);
        }
    }
}
