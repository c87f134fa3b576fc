package org.keyhaven.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The stored operation mask, over generated sets and arbitrary stored integers. */
class GrantOperationMaskPropertyTest {

    private static final int KNOWN_BITS = 0x7ff;

    /**
     * Any subset of the operations, chosen by the declaration index of its members (not by the stored bits, which
     * are what is tested). Built from an integer: jqwik's own set arbitraries are very slow at exhaustive generation.
     */
    @Provide
    Arbitrary<Set<GrantOperation>> operationSets() {
        GrantOperation[] all = GrantOperation.values();
        return Arbitraries.integers().between(0, (1 << all.length) - 1).map(members -> {
            EnumSet<GrantOperation> subset = EnumSet.noneOf(GrantOperation.class);
            for (int i = 0; i < all.length; i++) {
                if ((members & 1 << i) != 0) {
                    subset.add(all[i]);
                }
            }
            return subset;
        });
    }

    @Property
    void aSetSurvivesTheRoundTripThroughItsMask(@ForAll("operationSets") Set<GrantOperation> operations) {
        assertThat(GrantOperation.fromMask(GrantOperation.toMask(operations))).isEqualTo(operations);
    }

    @Property
    void aMaskUsesOnlyKnownBitsAndOneBitPerOperation(@ForAll("operationSets") Set<GrantOperation> operations) {
        int mask = GrantOperation.toMask(operations);

        assertThat(mask & ~KNOWN_BITS).isZero();
        assertThat(Integer.bitCount(mask)).isEqualTo(operations.size());
    }

    @Property
    void anyStoredIntegerReadsAsItsKnownBits(@ForAll int stored) {
        EnumSet<GrantOperation> operations = GrantOperation.fromMask(stored);

        assertThat(GrantOperation.toMask(operations)).isEqualTo(stored & KNOWN_BITS);
    }

    @Property
    void theMaskOfAUnionIsTheOrOfTheMasks(@ForAll("operationSets") Set<GrantOperation> a,
            @ForAll("operationSets") Set<GrantOperation> b) {
        EnumSet<GrantOperation> union = EnumSet.noneOf(GrantOperation.class);
        union.addAll(a);
        union.addAll(b);

        assertThat(GrantOperation.toMask(union)).isEqualTo(GrantOperation.toMask(a) | GrantOperation.toMask(b));
    }
}
