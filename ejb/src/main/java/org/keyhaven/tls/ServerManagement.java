package org.keyhaven.tls;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.util.Map;
import javax.management.JMException;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.keyhaven.common.ErrorCode;
import org.keyhaven.common.KeyhavenException;

/**
 * WildFly management operations from inside the server, through its in-process JMX facade (no module dependency, no
 * credentials): Keyhaven uses them to maintain its TLS key stores through Elytron, so it never needs the key store
 * passwords itself. Management operations are refused while the server boots; callers wait for {@link #running()}.
 */
@ApplicationScoped
public class ServerManagement {

    private static final String DOMAIN = "jboss.as:";

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    /** Whether the server has finished booting (management operations are accepted). */
    public boolean running() {
        try {
            return "running".equalsIgnoreCase(String.valueOf(
                    server.getAttribute(new ObjectName(DOMAIN + "management-root=server"), "serverState")));
        } catch (JMException e) {
            return false;
        }
    }

    /** A resource's attribute ({@code bound-port}), or null when the resource or attribute does not exist. */
    public Object attribute(String address, String attribute) {
        try {
            return server.getAttribute(new ObjectName(DOMAIN + address), camelCase(attribute));
        } catch (JMException e) {
            return null;
        }
    }

    /**
     * Runs a management operation on a resource, e.g. {@code invoke("subsystem=elytron,key-store=keyhaven-tls",
     * "read-aliases", Map.of())}. Parameters are named as in the management model ({@code key-size}); those not given
     * stay undefined.
     */
    public Object invoke(String address, String operation, Map<String, Object> parameters) {
        String jmxOperation = camelCase(operation);
        try {
            ObjectName name = new ObjectName(DOMAIN + address);
            for (MBeanOperationInfo info : server.getMBeanInfo(name).getOperations()) {
                if (info.getName().equals(jmxOperation)) {
                    MBeanParameterInfo[] signature = info.getSignature();
                    Object[] arguments = new Object[signature.length];
                    String[] types = new String[signature.length];
                    for (int i = 0; i < signature.length; i++) {
                        types[i] = signature[i].getType();
                        arguments[i] = parameters.get(dashed(signature[i].getName()));
                    }
                    return server.invoke(name, jmxOperation, arguments, types);
                }
            }
            throw new KeyhavenException(ErrorCode.INTERNAL, "no management operation " + operation + " on " + address);
        } catch (JMException e) {
            throw new KeyhavenException(ErrorCode.INTERNAL, "management operation " + operation + " on " + address
                    + " failed: " + e.getMessage(), null, e);
        }
    }

    static String camelCase(String dashed) {
        StringBuilder result = new StringBuilder();
        boolean upper = false;
        for (char c : dashed.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                result.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return result.toString();
    }

    static String dashed(String camel) {
        StringBuilder result = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                result.append('-').append(Character.toLowerCase(c));
            } else {
                result.append(c);
            }
        }
        return result.toString();
    }
}
