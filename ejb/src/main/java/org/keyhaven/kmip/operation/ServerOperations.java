package org.keyhaven.kmip.operation;

import java.util.List;
import java.util.Set;
import org.keyhaven.kmip.message.KmipFailure;
import org.keyhaven.kmip.message.OperationContext;
import org.keyhaven.kmip.message.ProtocolVersion;
import org.keyhaven.kmip.message.ResultReason;
import org.keyhaven.kmip.message.StructureBuilder;
import org.keyhaven.kmip.message.Tags;
import org.keyhaven.kmip.ttlv.TtlvEnumeration;
import org.keyhaven.kmip.ttlv.TtlvStructure;

/** Discover Versions and Query: what the server speaks and does. */
final class ServerOperations {

    static final String VENDOR = "Keyhaven";
    private static final int QUERY_OPERATIONS = 1;
    private static final int QUERY_OBJECTS = 2;
    private static final int QUERY_SERVER_INFORMATION = 3;

    private final Set<Integer> operations;

    /** @param operations the Operation codes the server answers */
    ServerOperations(Set<Integer> operations) {
        this.operations = Set.copyOf(operations);
    }

    /** The supported versions the client also lists, in the server's order of preference; all if it lists none. */
    TtlvStructure discoverVersions(OperationContext context, TtlvStructure payload) {
        List<ProtocolVersion> offered = payload.findAll(Tags.PROTOCOL_VERSION, TtlvStructure.class).stream()
                .map(ProtocolVersion::read).toList();
        StructureBuilder response = Payloads.response();
        ProtocolVersion.SUPPORTED.stream().filter(version -> offered.isEmpty() || offered.contains(version))
                .forEach(version -> response.add(version.toTtlv()));
        return response.build();
    }

    /**
     * Interop marks the begin and end of a test case (KMIP 2.1 test harness); the server has nothing to set up or
     * reset for it.
     */
    TtlvStructure interop(OperationContext context, TtlvStructure payload) {
        int function = payload.get(Tags.INTEROP_FUNCTION, TtlvEnumeration.class).value();
        if (function < 1 || function > 3) {
            throw new KmipFailure(ResultReason.INVALID_FIELD, "Interop Function " + function + " is not Begin, End or"
                    + " Reset");
        }
        return Payloads.response().build();
    }

    TtlvStructure query(OperationContext context, TtlvStructure payload) {
        Set<Integer> functions = Set.copyOf(payload.findAll(Tags.QUERY_FUNCTION, TtlvEnumeration.class).stream()
                .map(TtlvEnumeration::value).toList());
        StructureBuilder response = Payloads.response();
        if (functions.contains(QUERY_OPERATIONS)) {
            operations.stream().sorted().forEach(code -> response.enumeration(Tags.OPERATION, code));
        }
        if (functions.contains(QUERY_OBJECTS)) {
            for (int type : new int[] {KmipAlgorithms.OBJECT_SYMMETRIC_KEY, KmipAlgorithms.OBJECT_PUBLIC_KEY,
                    KmipAlgorithms.OBJECT_PRIVATE_KEY, KmipAlgorithms.OBJECT_SECRET_DATA, DataObjects.OBJECT_CERTIFICATE,
                    DataObjects.OBJECT_OPAQUE}) {
                response.enumeration(Tags.OBJECT_TYPE, type);
            }
        }
        if (functions.contains(QUERY_SERVER_INFORMATION)) {
            response.text(Tags.VENDOR_IDENTIFICATION, VENDOR).add(TtlvStructure.of(Tags.SERVER_INFORMATION));
        }
        return response.build();
    }
}
