package org.keyhaven.monitor;

import java.util.function.Supplier;
import org.keyhaven.seal.SealStatus;
import org.keyhaven.system.ProductVersion;

/** {@link ServerMXBean} over the seal status and the environment label, read through their services' proxies. */
final class ServerMonitor implements ServerMXBean {

    private final Supplier<SealStatus> seal;
    private final Supplier<String> environment;

    ServerMonitor(Supplier<SealStatus> seal, Supplier<String> environment) {
        this.seal = seal;
        this.environment = environment;
    }

    @Override
    public String getVersion() {
        return ProductVersion.get();
    }

    @Override
    public String getEnvironment() {
        return Readings.read("Server.Environment", environment, null);
    }

    @Override
    public Boolean getSealed() {
        return Readings.read("Server.Sealed", () -> seal.get().sealed(), null);
    }

    @Override
    public String getSealMode() {
        return Readings.read("Server.SealMode", () -> seal.get().mode(), null);
    }

    @Override
    public Integer getMasterKeyVersion() {
        return Readings.read("Server.MasterKeyVersion", () -> seal.get().masterKeyVersion(), null);
    }
}
