package org.keyhaven.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.keyhaven.approval.ApprovalKind;
import org.keyhaven.web.admin.ApprovalDescription.Detail;

/**
 * What an approver reads before approving: one sentence per kind of operation built from the recorded parameters,
 * and every parameter flattened into labelled lines with long values shortened.
 */
class ApprovalDescriptionTest {

    private static final JsonObject EMPTY = Json.createObjectBuilder().build();

    private static JsonObject aesKey(boolean exportable, boolean activate) {
        return Json.createObjectBuilder()
                .add("key", Json.createObjectBuilder().add("name", "payments").add("algorithm", "AES")
                        .add("length", 256).add("usage", Json.createArrayBuilder().add("ENCRYPT").add("DECRYPT"))
                        .add("exportable", exportable))
                .add("activate", activate).build();
    }

    @ParameterizedTest
    @EnumSource(ApprovalKind.class)
    void everyKindHasASummaryEvenWithEmptyParameters(ApprovalKind kind) {
        assertThat(ApprovalDescription.summary(kind, "obj-1", EMPTY)).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(ApprovalKind.class)
    void everyKindHasASummaryWithoutParametersOrObject(ApprovalKind kind) {
        assertThat(ApprovalDescription.summary(kind, null, null)).isNotBlank().doesNotContain("null");
    }

    @Test
    void keyCreateNamesNameAlgorithmLengthAndExportability() {
        String summary = ApprovalDescription.summary(ApprovalKind.KEY_CREATE, null, aesKey(false, false));

        assertThat(summary).isEqualTo("Create key 'payments' (AES, 256 bits, not exportable)");
    }

    @Test
    void keyCreateSaysWhenTheKeyIsExportableAndActivated() {
        String summary = ApprovalDescription.summary(ApprovalKind.KEY_CREATE, null, aesKey(true, true));

        assertThat(summary).isEqualTo("Create key 'payments' (AES, 256 bits, exportable) and activate it");
    }

    @Test
    void keyCreateNamesTheCurveInsteadOfTheLength() {
        JsonObject parameters = Json.createObjectBuilder()
                .add("key", Json.createObjectBuilder().add("name", "signer").add("algorithm", "EC")
                        .add("length", 256).add("curve", "P-256").add("exportable", false))
                .add("activate", false).build();

        String summary = ApprovalDescription.summary(ApprovalKind.KEY_CREATE, null, parameters);

        assertThat(summary).isEqualTo("Create key 'signer' (EC, P-256, not exportable)");
    }

    @Test
    void keyCreateWithoutAKeyDefinitionMarksTheUnknownParts() {
        assertThat(ApprovalDescription.summary(ApprovalKind.KEY_CREATE, null, EMPTY))
                .isEqualTo("Create key '?' (?, ? bits, not exportable)");
    }

    @Test
    void keyCreateWithAKeyThatIsNotAnObjectDoesNotFail() {
        JsonObject parameters = Json.createObjectBuilder().add("key", "payments").build();

        assertThat(ApprovalDescription.summary(ApprovalKind.KEY_CREATE, null, parameters))
                .isEqualTo("Create key '?' (?, ? bits, not exportable)");
    }

    @Test
    void keyRevokeNamesKeyAndReason() {
        JsonObject parameters = Json.createObjectBuilder().add("keyId", "k-7").add("reason", "KEY_COMPROMISE").build();

        assertThat(ApprovalDescription.summary(ApprovalKind.KEY_REVOKE, "k-7", parameters))
                .isEqualTo("Revoke key k-7 with reason KEY_COMPROMISE");
    }

    @Test
    void keyRevokeWithoutAReasonSaysSo() {
        assertThat(ApprovalDescription.summary(ApprovalKind.KEY_REVOKE, "k-7", EMPTY))
                .isEqualTo("Revoke key k-7 with reason ?");
    }

    @Test
    void aJsonNullParameterIsShownAsUnknown() {
        JsonObject parameters = Json.createObjectBuilder().addNull("reason").build();

        assertThat(ApprovalDescription.summary(ApprovalKind.KEY_REVOKE, "k-7", parameters))
                .isEqualTo("Revoke key k-7 with reason ?");
    }

    @Test
    void keyStateChangesNameTheKey() {
        assertThat(ApprovalDescription.summary(ApprovalKind.KEY_ACTIVATE, "k-1", EMPTY)).isEqualTo("Activate key k-1");
        assertThat(ApprovalDescription.summary(ApprovalKind.KEY_DESTROY, "k-1", EMPTY))
                .startsWith("Destroy key k-1 ").contains("cannot be undone");
    }

    @Test
    void clientGrantsWithNoGrantsWarnsOfLostAccess() {
        JsonObject parameters = Json.createObjectBuilder().add("clientId", "c-1")
                .add("grants", Json.createArrayBuilder()).build();

        assertThat(ApprovalDescription.summary(ApprovalKind.CLIENT_GRANTS, "c-1", parameters))
                .isEqualTo("Replace the grants of application c-1 with no grants (the application loses all access)");
    }

    @Test
    void clientGrantsWithoutAGrantsListIsTreatedAsNoGrants() {
        assertThat(ApprovalDescription.summary(ApprovalKind.CLIENT_GRANTS, "c-1", EMPTY))
                .endsWith("with no grants (the application loses all access)");
    }

    @Test
    void clientGrantsCountsOneGrantInTheSingular() {
        JsonObject parameters = Json.createObjectBuilder()
                .add("grants", Json.createArrayBuilder().add(grant("KEY_ID", "k-1", "ENCRYPT"))).build();

        assertThat(ApprovalDescription.summary(ApprovalKind.CLIENT_GRANTS, "c-1", parameters))
                .isEqualTo("Replace the grants of application c-1 with 1 grant (listed below)");
    }

    @Test
    void clientGrantsCountsSeveralGrants() {
        JsonObject parameters = Json.createObjectBuilder().add("grants", Json.createArrayBuilder()
                .add(grant("KEY_ID", "k-1", "ENCRYPT")).add(grant("KEY_ID", "k-2", "DECRYPT"))
                .add(grant("KEY_ID", "k-3", "SIGN"))).build();

        assertThat(ApprovalDescription.summary(ApprovalKind.CLIENT_GRANTS, "c-1", parameters))
                .isEqualTo("Replace the grants of application c-1 with 3 grants (listed below)");
    }

    @Test
    void clientStatusEnables() {
        JsonObject parameters = Json.createObjectBuilder().add("enabled", true).build();

        assertThat(ApprovalDescription.summary(ApprovalKind.CLIENT_STATUS, "c-1", parameters))
                .isEqualTo("Enable application c-1");
    }

    @Test
    void clientStatusDisables() {
        JsonObject parameters = Json.createObjectBuilder().add("enabled", false).build();

        assertThat(ApprovalDescription.summary(ApprovalKind.CLIENT_STATUS, "c-1", parameters))
                .isEqualTo("Disable application c-1");
    }

    @Test
    void sealRekeyNamesThresholdAndShares() {
        JsonObject parameters = Json.createObjectBuilder().add("shares", 5).add("threshold", 3).build();

        assertThat(ApprovalDescription.summary(ApprovalKind.SEAL_REKEY, null, parameters))
                .startsWith("Hand out new custodian shares (3 of 5)");
    }

    @Test
    void clientCreateAndCertificateRevokeQuoteTheirParameters() {
        assertThat(ApprovalDescription.summary(ApprovalKind.CLIENT_CREATE, null,
                Json.createObjectBuilder().add("name", "billing").build()))
                .isEqualTo("Create application 'billing' and issue its certificate");
        assertThat(ApprovalDescription.summary(ApprovalKind.CLIENT_CERTIFICATE_REVOKE, "c-1",
                Json.createObjectBuilder().add("fingerprint", "ab:cd").build()))
                .isEqualTo("Revoke certificate ab:cd of application c-1");
    }

    @Test
    void aLongParameterInTheSummaryIsShortened() {
        JsonObject parameters = Json.createObjectBuilder().add("name", "n".repeat(500)).build();

        assertThat(ApprovalDescription.summary(ApprovalKind.CLIENT_CREATE, null, parameters))
                .contains("... (500 characters)").hasSizeLessThan(300);
    }

    @Test
    void detailsOfNothingAreEmpty() {
        assertThat(ApprovalDescription.details(null)).isEmpty();
        assertThat(ApprovalDescription.details(EMPTY)).isEmpty();
    }

    @Test
    void detailsShowScalarsAsText() {
        JsonObject parameters = Json.createObjectBuilder().add("keyId", "k-1").add("shares", 5)
                .add("activate", true).addNull("comment").build();

        assertThat(ApprovalDescription.details(parameters)).containsExactly(
                new Detail("keyId", "k-1"), new Detail("shares", "5"), new Detail("activate", "true"),
                new Detail("comment", "null"));
    }

    @Test
    void detailsFlattenNestedObjectsIntoDottedNames() {
        JsonObject parameters = Json.createObjectBuilder()
                .add("key", Json.createObjectBuilder().add("name", "payments")
                        .add("attributes", Json.createObjectBuilder().add("owner", "team-a")))
                .build();

        assertThat(ApprovalDescription.details(parameters)).containsExactly(
                new Detail("key.name", "payments"), new Detail("key.attributes.owner", "team-a"));
    }

    @Test
    void detailsJoinAnArrayOfStrings() {
        JsonObject parameters = Json.createObjectBuilder()
                .add("usage", Json.createArrayBuilder().add("ENCRYPT").add("DECRYPT").add("WRAP")).build();

        assertThat(ApprovalDescription.details(parameters))
                .containsExactly(new Detail("usage", "ENCRYPT, DECRYPT, WRAP"));
    }

    @Test
    void detailsShowAnEmptyArrayAsAnEmptyValue() {
        JsonObject parameters = Json.createObjectBuilder().add("grants", Json.createArrayBuilder()).build();

        assertThat(ApprovalDescription.details(parameters)).containsExactly(new Detail("grants", ""));
    }

    @Test
    void detailsIndexAnArrayOfObjectsFromOne() {
        JsonObject parameters = Json.createObjectBuilder().add("grants", Json.createArrayBuilder()
                .add(grant("KEY_ID", "k-1", "ENCRYPT", "DECRYPT")).add(grant("NAME_PREFIX", "billing-", "SIGN")))
                .build();

        assertThat(ApprovalDescription.details(parameters)).containsExactly(
                new Detail("grants[1].targetKind", "KEY_ID"),
                new Detail("grants[1].target", "k-1"),
                new Detail("grants[1].operations", "ENCRYPT, DECRYPT"),
                new Detail("grants[2].targetKind", "NAME_PREFIX"),
                new Detail("grants[2].target", "billing-"),
                new Detail("grants[2].operations", "SIGN"));
    }

    @Test
    void detailsKeepAValueOfExactlyTheLimit() {
        String limit = "x".repeat(160);
        JsonObject parameters = Json.createObjectBuilder().add("value", limit).build();

        assertThat(ApprovalDescription.details(parameters)).containsExactly(new Detail("value", limit));
    }

    @Test
    void detailsShortenALongValueAndStateItsLength() {
        String pem = "A".repeat(200);
        JsonObject parameters = Json.createObjectBuilder().add("csr", pem).build();

        assertThat(ApprovalDescription.details(parameters))
                .containsExactly(new Detail("csr", "A".repeat(160) + "... (200 characters)"));
    }

    @Test
    void detailsPutMultiLineTextOnOneLine() {
        JsonObject parameters = Json.createObjectBuilder()
                .add("csr", "-----BEGIN CSR-----\nMIIB\r\nQUJD\n-----END CSR-----\n").build();

        assertThat(ApprovalDescription.details(parameters))
                .containsExactly(new Detail("csr", "-----BEGIN CSR----- MIIB QUJD -----END CSR-----"));
    }

    @Test
    void detailsShortenAJoinedArrayThatIsTooLong() {
        var usages = Json.createArrayBuilder();
        for (int i = 0; i < 40; i++) {
            usages.add("USAGE" + i);
        }
        JsonObject parameters = Json.createObjectBuilder().add("usage", usages).build();

        Detail detail = ApprovalDescription.details(parameters).get(0);

        assertThat(detail.name()).isEqualTo("usage");
        assertThat(detail.value()).startsWith("USAGE0, USAGE1, ").matches(".{160}\\.\\.\\. \\(\\d+ characters\\)");
    }

    private static JsonValue grant(String targetKind, String target, String... operations) {
        var granted = Json.createArrayBuilder();
        for (String operation : operations) {
            granted.add(operation);
        }
        return Json.createObjectBuilder().add("targetKind", targetKind).add("target", target)
                .add("operations", granted).build();
    }
}
