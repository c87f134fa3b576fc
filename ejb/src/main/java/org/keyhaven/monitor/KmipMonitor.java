package org.keyhaven.monitor;

import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/** {@link KmipMXBean} over the KMIP listener's own figures. */
final class KmipMonitor implements KmipMXBean {

    private final BooleanSupplier listening;
    private final IntSupplier openConnections;

    KmipMonitor(BooleanSupplier listening, IntSupplier openConnections) {
        this.listening = listening;
        this.openConnections = openConnections;
    }

    @Override
    public Boolean getListening() {
        return Readings.read("Kmip.Listening", listening::getAsBoolean, null);
    }

    @Override
    public int getOpenConnections() {
        return Readings.read("Kmip.OpenConnections", openConnections::getAsInt, -1);
    }
}
