package org.keyhaven.seal;

import java.util.List;

/** The custodians' shares, shown once at initialisation: any {@code threshold} of them unseal. */
public record CustodianInit(List<String> shares, int threshold) {

    @Override
    public String toString() {
        return "CustodianInit[" + shares.size() + " shares, threshold " + threshold + "]";
    }
}
