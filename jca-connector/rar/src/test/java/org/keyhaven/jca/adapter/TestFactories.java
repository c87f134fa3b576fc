package org.keyhaven.jca.adapter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Connection factories over the test identities, whose managed connections get fake transports. */
final class TestFactories {

    private TestFactories() {
    }

    /** A factory of the identity in {@code store}; every transport it opens is added to {@code opened}. */
    static KeyhavenManagedConnectionFactory fake(Path store, String alias, List<FakeTransport> opened) {
        KeyhavenManagedConnectionFactory factory = configured(store, alias);
        factory.useTransportOpener(credentials -> {
            FakeTransport transport = new FakeTransport();
            opened.add(transport);
            return transport;
        });
        return factory;
    }

    static KeyhavenManagedConnectionFactory fake(Path store) {
        return fake(store, null, new ArrayList<>());
    }

    static KeyhavenManagedConnectionFactory configured(Path store, String alias) {
        KeyhavenManagedConnectionFactory factory = new KeyhavenManagedConnectionFactory();
        factory.setKeyStoreFile(store.toString());
        factory.setKeyStorePassword(TestIdentities.PASSWORD);
        factory.setKeyAlias(alias);
        return factory;
    }
}
