package org.keyhaven.approval;

import static org.keyhaven.approval.TestApprovals.FINGERPRINT;
import static org.keyhaven.approval.TestApprovals.T0;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.keyhaven.client.ClientService;
import org.keyhaven.client.ClientStatus;
import org.keyhaven.client.ClientView;
import org.keyhaven.client.NewCertificate;
import org.keyhaven.key.KeyService;
import org.keyhaven.key.KeyState;
import org.keyhaven.key.KeyUsage;
import org.keyhaven.key.KeyView;

/**
 * The services an approved operation acts through, faked: every call is recorded (service, method, arguments) and
 * answered with a plausible view. A key or client a call names comes back with that id; one made by {@code create}
 * gets {@link #NEW_KEY_ID} or {@link #NEW_CLIENT_ID}.
 */
final class RecordingOperations implements ApprovedOperations {

    static final String NEW_KEY_ID = "1b2c3d4e-5f60-4718-9a2b-3c4d5e6f7a8b";
    static final String NEW_CLIENT_ID = "2c3d4e5f-6071-4829-8b3c-4d5e6f7a8b9c";
    static final String CHAIN_PEM = "-----BEGIN CERTIFICATE-----\nMIIDclient\n-----END CERTIFICATE-----\n"
            + "-----BEGIN CERTIFICATE-----\nMIIDca\n-----END CERTIFICATE-----\n";

    /** One call to one of the services. */
    record Call(String service, String method, List<Object> arguments) {

        static Call of(String service, String method, Object... arguments) {
            return new Call(service, method, Arrays.asList(arguments));
        }
    }

    private final List<Call> calls = new ArrayList<>();
    private final List<NewCertificate> certificates = new ArrayList<>();
    private final KeyService keys = recording(KeyService.class, "keys");
    private final ClientService clients = recording(ClientService.class, "clients");

    @Override
    public KeyService keys() {
        return keys;
    }

    @Override
    public ClientService clients() {
        return clients;
    }

    @Override
    public void rotateMasterKey() {
        calls.add(Call.of("operations", "rotateMasterKey"));
    }

    @Override
    public void rekeyUnsealKey(int shares, int threshold) {
        calls.add(Call.of("operations", "rekeyUnsealKey", shares, threshold));
    }

    @Override
    public void changePolicy(ApprovalPolicy policy) {
        calls.add(Call.of("operations", "changePolicy", policy));
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The certificates the client service handed out, as it handed them out. */
    List<NewCertificate> certificates() {
        return certificates;
    }

    private <T> T recording(Class<T> service, String name) {
        return service.cast(Proxy.newProxyInstance(service.getClassLoader(), new Class<?>[] {service},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "equals" -> proxy == args[0];
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> "recording " + name;
                        };
                    }
                    Object[] arguments = args == null ? new Object[0] : args;
                    calls.add(new Call(name, method.getName(), Arrays.asList(arguments)));
                    return answer(method, arguments);
                }));
    }

    private Object answer(Method method, Object[] arguments) {
        boolean creates = method.getName().equals("create");
        Class<?> type = method.getReturnType();
        if (type == KeyView.class) {
            return keyView(creates ? NEW_KEY_ID : (String) arguments[0]);
        }
        if (type == ClientView.class) {
            return clientView((String) arguments[0]);
        }
        if (type == NewCertificate.class) {
            NewCertificate issued = new NewCertificate(clientView(creates ? NEW_CLIENT_ID : (String) arguments[0]),
                    FINGERPRINT, CHAIN_PEM, new byte[] {0x30, (byte) 0x82, 0x01}, "one-time".toCharArray());
            certificates.add(issued);
            return issued;
        }
        throw new UnsupportedOperationException("no approved operation calls " + method);
    }

    static KeyView keyView(String id) {
        return new KeyView(id, "payments", "AES", 256, null, EnumSet.of(KeyUsage.ENCRYPT, KeyUsage.DECRYPT), false,
                false, KeyState.ACTIVE, 1, 1, null, null, T0, null, null, null, null, null, T0, "officer", T0,
                List.of(new KeyView.Version(1, T0, false, null)), Map.of());
    }

    static ClientView clientView(String id) {
        return new ClientView(id, "orders-app", ClientStatus.ACTIVE, T0, "officer", T0, List.of(), List.of());
    }
}
