package org.keyhaven.it.api;

import static org.assertj.core.api.Assertions.assertThat;

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

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StatusIT {

    @Deployment(testable = false)
    static EnterpriseArchive keyhaven() {
        return Deployments.keyhaven();
    }

    @Test
    void statusReportsUnsealedEmbeddedModeVersionAndEnvironment() {
        ApiResponse response = Accounts.admin().api().get("/api/v1/status");

        assertThat(response.status()).isEqualTo(200);
        JsonObject status = response.object();
        assertThat(status.getString("version")).isNotBlank();
        assertThat(status.getString("environment")).isEqualTo("TEST");
        assertThat(status.getJsonObject("seal").getBoolean("sealed")).isFalse();
        assertThat(status.getJsonObject("seal").getString("mode")).isEqualTo("embedded");
    }

    @Test
    void statusWithoutCredentialsIsRefusedWithProblemJson() {
        ApiResponse response = Api.anonymous(Api.MANAGEMENT_PORT).get("/api/v1/status");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.problemType()).isEqualTo("unauthorized");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Basic"));
    }
}
