package org.keyhaven.it.kmip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.keyhaven.it.kmip.Kmip.attribute;
import static org.keyhaven.it.kmip.Kmip.attributeValue;
import static org.keyhaven.it.kmip.Kmip.id;
import static org.keyhaven.it.kmip.Kmip.item;
import static org.keyhaven.it.kmip.Kmip.items;
import static org.keyhaven.it.kmip.Kmip.only;
import static org.keyhaven.it.kmip.Kmip.request;
import static org.keyhaven.it.kmip.Kmip.succeeded;
import static org.keyhaven.it.kmip.Kmip.text;

import jakarta.json.Json;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.keyhaven.it.application.Fixtures;
import org.keyhaven.it.support.Account;
import org.keyhaven.it.support.ClientCredentials;
import org.keyhaven.it.support.ClientIdentities;
import org.keyhaven.it.support.Deployments;
import org.keyhaven.it.support.KmipClient;
import org.keyhaven.kmip.message.Operation;
import org.keyhaven.kmip.message.ProtocolVersion;
import org.keyhaven.kmip.message.StructureBuilder;
import org.keyhaven.kmip.message.Tags;
import org.keyhaven.kmip.ttlv.TtlvByteString;
import org.keyhaven.kmip.ttlv.TtlvEnumeration;
import org.keyhaven.kmip.ttlv.TtlvStructure;
import org.keyhaven.kmip.ttlv.TtlvTextString;

/**
 * The message sequences real products send when they use a key manager: vCenter adding a key provider and
 * creating a key for an encrypted VM (KMIP 1.1), and MongoDB Enterprise registering its master key and waiting for
 * it to become Active (KMIP 1.0).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KmipClientFlowsIT {

    @Deployment(testable = false)
    static EnterpriseArchive keyhaven() {
        return Deployments.keyhaven();
    }

    @Test
    void vCenterAddsTheKeyProviderAndCreatesATaggedUnnamedKey() {
        Account officer = Fixtures.officer();
        ClientCredentials vcenter = ClientIdentities.create(officer, "vcenter");
        // unnamed keys are named kmip-<random>: a create grant on that prefix lets vCenter make them
        ClientIdentities.grant(officer, vcenter.clientId(), Json.createArrayBuilder()
                .add(ClientIdentities.byNamePrefix("kmip-", "create")));
        ProtocolVersion v11 = ProtocolVersion.V1_1;
        try (KmipClient kmip = KmipClient.connect(vcenter)) {
            TtlvStructure versions = succeeded(only(kmip.send(request(v11, item(Operation.DISCOVER_VERSIONS,
                    v11.toTtlv())))));
            assertThat(versions.findAll(Tags.PROTOCOL_VERSION, TtlvStructure.class)).map(ProtocolVersion::read)
                    .containsExactly(v11);
            TtlvStructure query = succeeded(only(kmip.send(request(v11, item(Operation.QUERY,
                    Kmip.enumeration(Tags.QUERY_FUNCTION, 3))))));
            assertThat(text(query, Tags.VENDOR_IDENTIFICATION)).isEqualTo("Keyhaven");

            String id = text(succeeded(only(kmip.send(request(v11, Kmip.createAes(256, Kmip.ENCRYPT_DECRYPT,
                    null))))), Tags.UNIQUE_IDENTIFIER);
            TtlvStructure noVersionYet = succeeded(only(kmip.send(request(v11, item(Operation.GET_ATTRIBUTES, id(id),
                    new TtlvTextString(Tags.ATTRIBUTE_NAME, "x-Product_Version"))))));
            assertThat(noVersionYet.findAll(Tags.ATTRIBUTE)).isEmpty();
            assertThat(text(noVersionYet, Tags.UNIQUE_IDENTIFIER)).isEqualTo(id);

            List<TtlvStructure> added = items(kmip.send(request(v11,
                    item(Operation.ADD_ATTRIBUTE, id(id), attribute("x-Product_Version",
                            new TtlvTextString(Tags.ATTRIBUTE_VALUE, "8.0.2"))),
                    item(Operation.ADD_ATTRIBUTE, id(id), attribute("x-Vendor",
                            new TtlvTextString(Tags.ATTRIBUTE_VALUE, "VMware, Inc."))),
                    item(Operation.ADD_ATTRIBUTE, id(id), attribute("x-Product",
                            new TtlvTextString(Tags.ATTRIBUTE_VALUE, "VMware vSphere"))))));
            assertThat(added).hasSize(3).allSatisfy(answer -> succeeded(answer));
            assertThat(added).extracting(answer -> answer.get(Tags.UNIQUE_BATCH_ITEM_ID, TtlvByteString.class)
                    .value()[0]).containsExactly((byte) 1, (byte) 2, (byte) 3);
            assertThat(attributeValue(succeeded(added.get(1)), "x-Vendor").as(TtlvTextString.class).value())
                    .isEqualTo("VMware, Inc.");

            TtlvStructure key = succeeded(only(kmip.send(request(v11, item(Operation.GET, id(id))))));
            assertThat(key.get(Tags.SYMMETRIC_KEY, TtlvStructure.class).get(Tags.KEY_BLOCK, TtlvStructure.class)
                    .get(Tags.KEY_VALUE, TtlvStructure.class).get(Tags.KEY_MATERIAL, TtlvByteString.class).length())
                    .isEqualTo(32);
            TtlvStructure tagged = succeeded(only(kmip.send(request(v11, item(Operation.GET_ATTRIBUTES, id(id))))));
            assertThat(attributeValue(tagged, "x-Product_Version").as(TtlvTextString.class).value())
                    .isEqualTo("8.0.2");
            // vCenter gave no Name, so the key has none over KMIP (Keyhaven's generated name stays internal)
            assertThat(tagged.findAll(Tags.ATTRIBUTE, TtlvStructure.class)).extracting(attribute ->
                    text(attribute, Tags.ATTRIBUTE_NAME)).doesNotContain("Name");
            // a KMIP 1.1 client is not sent what 1.3 and 1.4 added
            assertThat(tagged.findAll(Tags.ATTRIBUTE, TtlvStructure.class)).extracting(attribute ->
                    text(attribute, Tags.ATTRIBUTE_NAME)).doesNotContain("Original Creation Date", "Extractable");
        }
    }

    @Test
    void mongoDbRegistersItsKeyPreActiveActivatesItAndPollsTheState() {
        Account officer = Fixtures.officer();
        ClientCredentials mongo = ClientIdentities.create(officer, "mongodb");
        String name = "mongodb-master-" + System.nanoTime();
        ClientIdentities.grant(officer, mongo.clientId(), Json.createArrayBuilder()
                .add(ClientIdentities.byNamePrefix("mongodb-master-", "create")));
        byte[] material = new byte[96];
        new SecureRandom().nextBytes(material);
        ProtocolVersion v10 = ProtocolVersion.V1_0;
        try (KmipClient kmip = KmipClient.connect(mongo)) {
            TtlvStructure secret = StructureBuilder.of(Tags.SECRET_DATA).enumeration(Tags.SECRET_DATA_TYPE, 2)
                    .add(StructureBuilder.of(Tags.KEY_BLOCK).enumeration(Tags.KEY_FORMAT_TYPE, 2)
                            .add(TtlvStructure.of(Tags.KEY_VALUE, new TtlvByteString(Tags.KEY_MATERIAL, material)))
                            .build()).build();
            String id = text(succeeded(only(kmip.send(request(v10, item(Operation.REGISTER,
                    Kmip.enumeration(Tags.OBJECT_TYPE, Kmip.SECRET_DATA),
                    Kmip.template(attribute("Name", Kmip.name(name))), secret))))), Tags.UNIQUE_IDENTIFIER);
            assertThat(state(kmip, id)).isEqualTo(1);

            succeeded(only(kmip.send(request(v10, item(Operation.ACTIVATE, id(id))))));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            int state = state(kmip, id);
            while (state != 2 && System.nanoTime() < deadline) {
                state = state(kmip, id);
            }
            assertThat(state).isEqualTo(2);

            TtlvStructure got = succeeded(only(kmip.send(request(v10, item(Operation.GET, id(id))))));
            assertThat(got.get(Tags.OBJECT_TYPE, TtlvEnumeration.class).value()).isEqualTo(Kmip.SECRET_DATA);
            assertThat(got.get(Tags.SECRET_DATA, TtlvStructure.class).get(Tags.KEY_BLOCK, TtlvStructure.class)
                    .get(Tags.KEY_VALUE, TtlvStructure.class).get(Tags.KEY_MATERIAL, TtlvByteString.class).value())
                    .isEqualTo(material);
            TtlvStructure located = succeeded(only(kmip.send(request(v10, item(Operation.LOCATE,
                    attribute("Name", Kmip.name(name)))))));
            assertThat(located.findAll(Tags.UNIQUE_IDENTIFIER, TtlvTextString.class)).extracting(TtlvTextString::value)
                    .containsExactly(id);
        }
    }

    private static int state(KmipClient kmip, String id) {
        TtlvStructure payload = succeeded(only(kmip.send(request(ProtocolVersion.V1_0, item(Operation.GET_ATTRIBUTES,
                id(id), new TtlvTextString(Tags.ATTRIBUTE_NAME, "State"))))));
        return attributeValue(payload, "State").as(TtlvEnumeration.class).value();
    }
}
