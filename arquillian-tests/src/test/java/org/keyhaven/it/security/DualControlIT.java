package org.keyhaven.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keyhaven.it.support.Account;
import org.keyhaven.it.support.Accounts;
import org.keyhaven.it.support.ApiResponse;
import org.keyhaven.it.support.AuditTrail;
import org.keyhaven.it.support.ClientIdentities;
import org.keyhaven.it.support.Deployments;
import org.keyhaven.it.support.Keys;

/**
 * Dual control through the management API with several identities: a request answers 202, the requester and
 * holders of other roles cannot approve, another officer's approval carries the operation out once under the
 * requester's name, a quorum of two waits for the second, a rejection and an expiry are final, two approvers racing
 * at the quorum execute once, and the policy is itself under dual control. Each test sets the policy it needs and
 * puts single control back afterwards.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DualControlIT {

    private static final String APPROVALS = "/api/v1/approvals";
    private static final String POLICY = APPROVALS + "/policy";

    private final Account securityAdmin = Accounts.securityAdmin();
    private final Account requester = Accounts.cryptoOfficer();
    private final Account approver = Accounts.cryptoOfficer();
    private final Account secondApprover = Accounts.cryptoOfficer();

    @Deployment(testable = false)
    static EnterpriseArchive keyhaven() {
        return Deployments.keyhaven();
    }

    @AfterEach
    void singleControlAgain() {
        ApiResponse reset = securityAdmin.api().put(POLICY, "{}");
        assertThat(reset.status()).as("%s", reset).isEqualTo(200);
    }

    @Test
    void aDestroyWaitsForAnotherOfficerAndHappensOnceUnderTheRequestersName() {
        policy("{\"quorum\":{\"KEY_DESTROY\":1}}");
        String keyId = Keys.createAes(requester.api(), Keys.uniqueName("dual"), false).getString("id");

        ApiResponse requested = requester.api().delete(Keys.path(keyId));

        assertThat(requested.status()).as("%s", requested).isEqualTo(202);
        JsonObject request = requested.object();
        String id = request.getString("id");
        assertThat(requested.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).endsWith(APPROVALS + "/" + id));
        assertThat(request.getString("operation")).isEqualTo("KEY_DESTROY");
        assertThat(request.getString("status")).isEqualTo("PENDING");
        assertThat(request.getString("requester")).isEqualTo(requester.username());
        assertThat(request.getJsonObject("parameters").getString("keyId")).isEqualTo(keyId);
        assertThat(state(keyId)).isEqualTo("PRE_ACTIVE");

        assertRefused(requester.api().post(approve(id)), 403, "self-approval");
        assertRefused(securityAdmin.api().post(approve(id)), 403, "forbidden");
        assertRefused(Accounts.auditor().api().post(approve(id)), 403, "forbidden");
        assertThat(state(keyId)).isEqualTo("PRE_ACTIVE");

        ApiResponse approved = approver.api().post(approve(id));

        assertThat(approved.status()).as("%s", approved).isEqualTo(200);
        assertThat(approved.object().getString("status")).isEqualTo("EXECUTED");
        assertThat(approved.object().getJsonArray("approvals").getJsonObject(0).getString("approver"))
                .isEqualTo(approver.username());
        assertThat(state(keyId)).isEqualTo("DESTROYED");
        assertRefused(approver.api().post(approve(id)), 409, "approval-closed");
        assertRefused(secondApprover.api().post(approve(id)), 409, "approval-closed");

        Account auditor = Accounts.auditor();
        List<JsonObject> destroyed = AuditTrail.about(auditor.api(), keyId).stream()
                .filter(record -> record.getString("operation").equals("key.destroy")).toList();
        assertThat(destroyed).hasSize(1);
        assertThat(destroyed.get(0).getString("actor")).isEqualTo(requester.username());
        assertThat(destroyed.get(0).getString("details")).contains(approver.username()).contains(id);
        assertThat(AuditTrail.operations(AuditTrail.about(auditor.api(), id))).contains("approval.request",
                "approval.approve", "approval.execute");
        assertThat(AuditTrail.about(auditor.api(), id)).filteredOn(record -> record.getString("outcome")
                .equals("DENIED")).extracting(record -> record.getString("reason"))
                .contains("self-approval", "forbidden");
    }

    @Test
    void aQuorumOfTwoWaitsForTheSecondApproverAndARejectionIsFinal() {
        policy("{\"quorum\":{\"KEY_ROTATE\":2}}");
        String keyId = Keys.createAes(requester.api(), Keys.uniqueName("dual-two"), true).getString("id");

        String first = requested(requester.api().post(Keys.path(keyId, "rotate")));
        ApiResponse once = approver.api().post(approve(first));
        assertThat(once.object().getString("status")).isEqualTo("PENDING");
        assertThat(version(keyId)).isOne();
        ApiResponse twice = secondApprover.api().post(approve(first));
        assertThat(twice.object().getString("status")).as("%s", twice).isEqualTo("EXECUTED");
        assertThat(version(keyId)).isEqualTo(2);

        String second = requested(requester.api().post(Keys.path(keyId, "rotate")));
        ApiResponse rejected = approver.api().post(APPROVALS + "/" + second + "/reject",
                "{\"reason\":\"not before the audit\"}");
        assertThat(rejected.object().getString("status")).as("%s", rejected).isEqualTo("REJECTED");
        assertThat(rejected.object().getString("rejectionReason")).isEqualTo("not before the audit");
        assertRefused(secondApprover.api().post(approve(second)), 409, "approval-closed");
        assertThat(version(keyId)).isEqualTo(2);
    }

    @Test
    void anExpiredRequestIsNeitherApprovedNorExecuted() throws InterruptedException {
        policy("{\"expiry\":\"PT1S\",\"quorum\":{\"KEY_ACTIVATE\":1}}");
        String keyId = Keys.createAes(requester.api(), Keys.uniqueName("dual-late"), false).getString("id");
        String id = requested(requester.api().post(Keys.path(keyId, "activate")));

        Thread.sleep(1500);

        assertRefused(approver.api().post(approve(id)), 409, "approval-expired");
        assertThat(approver.api().get(APPROVALS + "/" + id).object().getString("status")).isEqualTo("EXPIRED");
        assertThat(state(keyId)).isEqualTo("PRE_ACTIVE");
    }

    @Test
    void twoApproversRacingAtTheQuorumExecuteTheOperationOnce() throws Exception {
        policy("{\"quorum\":{\"KEY_ROTATE\":1}}");
        String keyId = Keys.createAes(requester.api(), Keys.uniqueName("dual-race"), true).getString("id");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 1; round <= 5; round++) {
                String id = requested(requester.api().post(Keys.path(keyId, "rotate")));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<ApiResponse>> answers = new ArrayList<>();
                for (Account racer : List.of(approver, secondApprover)) {
                    Callable<ApiResponse> approval = () -> {
                        start.await();
                        return racer.api().post(approve(id));
                    };
                    answers.add(pool.submit(approval));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<ApiResponse> answer : answers) {
                    statuses.add(answer.get().status());
                }

                assertThat(statuses).as("round %d: %s", round, answers).containsExactlyInAnyOrder(200, 409);
                assertThat(version(keyId)).as("round %d", round).isEqualTo(round + 1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void thePolicyItselfIsUnderDualControlOfSecurityAdministrators() {
        policy("{\"quorum\":{\"APPROVAL_POLICY\":1,\"CLIENT_CREATE\":1}}");
        Account otherAdmin = Accounts.securityAdmin();

        String id = requested(securityAdmin.api().put(POLICY, "{\"quorum\":{\"APPROVAL_POLICY\":1}}"));
        assertRefused(securityAdmin.api().post(approve(id)), 403, "self-approval");
        assertRefused(approver.api().post(approve(id)), 403, "forbidden");
        ApiResponse approved = otherAdmin.api().post(approve(id));

        assertThat(approved.object().getString("status")).as("%s", approved).isEqualTo("EXECUTED");
        JsonObject now = securityAdmin.api().get(POLICY).object();
        assertThat(now.getJsonObject("quorum").getInt("APPROVAL_POLICY")).isOne();
        assertThat(now.getJsonObject("quorum").getInt("CLIENT_CREATE")).isZero();

        String reset = requested(securityAdmin.api().put(POLICY, "{}"));
        assertThat(otherAdmin.api().post(approve(reset)).status()).isEqualTo(200);
    }

    @Test
    void underDualControlAClientComesFromItsCsrAndTheRequesterCollectsItsCertificate() {
        policy("{\"quorum\":{\"CLIENT_CREATE\":1}}");
        String name = ClientIdentities.uniqueName("dual-client");

        ApiResponse withoutCsr = requester.api().post(ClientIdentities.CLIENTS,
                Json.createObjectBuilder().add("name", name).build().toString());
        assertRefused(withoutCsr, 400, "invalid-request");
        String id = requested(requester.api().post(ClientIdentities.CLIENTS, Json.createObjectBuilder()
                .add("name", name).add("csr", ClientIdentities.csr(ClientIdentities.ecKeyPair("secp256r1"), name))
                .build().toString()));
        assertThat(approver.api().post(approve(id)).status()).isEqualTo(200);

        JsonObject collected = requester.api().get(APPROVALS + "/" + id).object();
        assertThat(collected.getString("status")).isEqualTo("EXECUTED");
        assertThat(collected.getJsonObject("result").getString("certificateChainPem"))
                .startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(requester.api().get(ClientIdentities.CLIENTS + "/" + collected.getJsonObject("result")
                .getString("clientId")).object().getString("name")).isEqualTo(name);
    }

    private void policy(String json) {
        ApiResponse set = securityAdmin.api().put(POLICY, json);
        assertThat(set.status()).as("%s", set).isEqualTo(200);
    }

    /** The id of the request a call left; fails unless it answered 202. */
    private static String requested(ApiResponse response) {
        assertThat(response.status()).as("%s", response).isEqualTo(202);
        return response.object().getString("id");
    }

    private static String approve(String id) {
        return APPROVALS + "/" + id + "/approve";
    }

    private String state(String keyId) {
        return requester.api().get(Keys.path(keyId)).object().getString("state");
    }

    private int version(String keyId) {
        return requester.api().get(Keys.path(keyId)).object().getInt("currentVersion");
    }

    private static void assertRefused(ApiResponse response, int status, String problem) {
        assertThat(response.status()).as("%s", response).isEqualTo(status);
        assertThat(response.problemType()).as("%s", response).isEqualTo(problem);
    }
}
