package org.keyhaven.it.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keyhaven.it.support.Account;
import org.keyhaven.it.support.Accounts;
import org.keyhaven.it.support.Api;
import org.keyhaven.it.support.ApiResponse;
import org.keyhaven.it.support.Deployments;

/**
 * The health endpoints a load balancer polls on the management port, without credentials: live while deployed,
 * ready only while unsealed with a database that answers (503 while sealed), and nothing in them but states.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

    private Account securityAdmin;

    @Deployment(testable = false)
    static EnterpriseArchive keyhaven() {
        return Deployments.keyhaven();
    }

    @AfterEach
    void unsealIfSealedHere() {
        if (securityAdmin != null) {
            ApiResponse unsealed = securityAdmin.api().post("/api/v1/unseal");
            assertThat(unsealed.status()).as("unsealing after the test: %s", unsealed).isEqualTo(200);
        }
    }

    private static ApiResponse anonymous(String path) {
        return Api.anonymous(Api.MANAGEMENT_PORT).get(path);
    }

    @Test
    void liveAnswersUpWithoutCredentials() {
        ApiResponse live = anonymous("/health/live");

        assertThat(live.status()).as("%s", live).isEqualTo(200);
        assertThat(live.contentType()).startsWith("application/json");
        assertThat(live.object()).isEqualTo(Json.createObjectBuilder().add("status", "UP").build());
    }

    @Test
    void readyAnswersUpWithItsChecksWithoutCredentials() {
        ApiResponse ready = anonymous("/health/ready");

        assertThat(ready.status()).as("%s", ready).isEqualTo(200);
        assertThat(ready.contentType()).startsWith("application/json");
        assertThat(ready.object()).isEqualTo(Json.createObjectBuilder().add("status", "UP")
                .add("checks", Json.createObjectBuilder().add("seal", "UNSEALED").add("database", "UP")).build());
    }

    @Test
    void healthAnswersNameNoVersionAndNoEnvironment() {
        JsonObject status = Accounts.admin().api().get("/api/v1/status").object();

        for (String path : new String[] {"/health/live", "/health/ready"}) {
            String body = anonymous(path).body();
            assertThat(body).as(path).doesNotContain(status.getString("version"))
                    .doesNotContain(status.getString("environment")).doesNotContainIgnoringCase("version");
        }
    }

    @Test
    void whileSealedReadyAnswers503DownAndLiveStaysUp() {
        securityAdmin = Accounts.securityAdmin();
        assertThat(securityAdmin.api().post("/api/v1/seal").status()).isEqualTo(200);

        ApiResponse ready = anonymous("/health/ready");

        assertThat(ready.status()).as("%s", ready).isEqualTo(503);
        assertThat(ready.contentType()).startsWith("application/json");
        assertThat(ready.object()).isEqualTo(Json.createObjectBuilder().add("status", "DOWN")
                .add("checks", Json.createObjectBuilder().add("seal", "SEALED").add("database", "UP")).build());
        assertThat(anonymous("/health/live").status()).isEqualTo(200);
    }

    @Test
    void afterUnsealingReadyAnswersUpAgain() {
        securityAdmin = Accounts.securityAdmin();
        assertThat(securityAdmin.api().post("/api/v1/seal").status()).isEqualTo(200);
        assertThat(anonymous("/health/ready").status()).isEqualTo(503);

        assertThat(securityAdmin.api().post("/api/v1/unseal").status()).isEqualTo(200);

        assertThat(anonymous("/health/ready").status()).isEqualTo(200);
    }
}
