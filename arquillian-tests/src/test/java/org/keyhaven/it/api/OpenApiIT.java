package org.keyhaven.it.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keyhaven.it.support.ProblemAssertions.assertProblem;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keyhaven.it.support.Accounts;
import org.keyhaven.it.support.Api;
import org.keyhaven.it.support.ApiResponse;
import org.keyhaven.it.support.Deployments;

/**
 * The management port publishes its OpenAPI document to anyone, and answers every path it does not serve with a
 * 404 problem, not a container error page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiIT {

    @Deployment(testable = false)
    static EnterpriseArchive keyhaven() {
        return Deployments.keyhaven();
    }

    @Test
    void theOpenApiDocumentIsServedWithoutCredentialsAndDescribesTheApi() {
        ApiResponse response = Api.anonymous(Api.MANAGEMENT_PORT).get("/openapi");

        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonObject document = response.object();
        assertThat(document.getString("openapi")).matches("3\\.\\d+\\.\\d+");
        assertThat(document.getJsonObject("info").getString("title")).isNotBlank();
        JsonObject paths = document.getJsonObject("paths");
        assertThat(paths.keySet()).contains("/api/v1/keys", "/api/v1/keys/{id}", "/api/v1/keys/{id}/rotate",
                "/api/v1/users", "/api/v1/users/me/password", "/api/v1/audit", "/api/v1/audit/verify",
                "/api/v1/status");
        assertThat(paths.getJsonObject("/api/v1/keys").keySet()).contains("get", "post");
        assertThat(paths.getJsonObject("/api/v1/keys/{id}").keySet()).contains("get", "delete");
        assertThat(paths.getJsonObject("/api/v1/audit").keySet()).contains("get");
    }

    @Test
    void theRootPathIsAnswered404Problem() {
        assertProblem(Api.anonymous(Api.MANAGEMENT_PORT).get("/"), 404, "not-found");
    }

    @Test
    void theApiRootPathIsAnswered404Problem() {
        Api auditor = Accounts.auditor().api();

        assertProblem(auditor.get("/api/v1"), 404, "not-found");
        assertProblem(auditor.get("/api/v1/"), 404, "not-found");
    }

    @Test
    void anUnknownPathIsAnswered404Problem() {
        assertProblem(Api.anonymous(Api.MANAGEMENT_PORT).get("/no-such-page"), 404, "not-found");
        assertProblem(Accounts.auditor().api().get("/api/v1/no-such-resource"), 404, "not-found");
    }

    @Test
    void anUnknownApiPathWithoutCredentialsIsAnswered401NotRevealingWhatExists() {
        ApiResponse response = Api.anonymous(Api.MANAGEMENT_PORT).get("/api/v1/no-such-resource");

        assertProblem(response, 401, "unauthorized");
    }
}
