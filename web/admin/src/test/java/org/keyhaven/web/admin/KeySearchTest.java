package org.keyhaven.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.keyhaven.common.KeyhavenException;
import org.keyhaven.key.KeyQuery;
import org.keyhaven.key.KeyState;

class KeySearchTest {

    @Test
    void emptyParametersAskForTheFirstPageOfAllKeys() {
        KeySearch search = KeySearch.parse(null, null, null);

        assertThat(search.query()).isEqualTo(new KeyQuery(null, null, 0, KeySearch.PAGE_SIZE));
        assertThat(search.hasPrevious()).isFalse();
    }

    @Test
    void blankNameAndStateMeanNoFilter() {
        KeySearch search = KeySearch.parse("  ", "", "1");

        assertThat(search.name()).isNull();
        assertThat(search.state()).isNull();
    }

    @Test
    void nameIsTrimmedAndStateReadLeniently() {
        KeySearch search = KeySearch.parse(" app- ", "pre-active", "3");

        assertThat(search.query()).isEqualTo(new KeyQuery("app-", KeyState.PRE_ACTIVE, 50, 25));
    }

    @Test
    void unknownStateIsRefusedWithoutEchoingControlCharacters() {
        assertThatThrownBy(() -> KeySearch.parse(null, "BOGUS\n", null))
                .isInstanceOf(KeyhavenException.class)
                .hasMessageContaining("no key state")
                .hasMessageNotContaining("\n");
    }

    @Test
    void nameLongerThanAnyKeyNameIsRefused() {
        assertThatThrownBy(() -> KeySearch.parse("a".repeat(256), null, null))
                .isInstanceOf(KeyhavenException.class);
        assertThat(KeySearch.parse("a".repeat(255), null, null).name()).hasSize(255);
    }

    @Test
    void pageThatIsNotAPositiveNumberIsTheFirst() {
        assertThat(KeySearch.parse(null, null, "-5").page()).isEqualTo(1);
        assertThat(KeySearch.parse(null, null, "0").page()).isEqualTo(1);
        assertThat(KeySearch.parse(null, null, "two").page()).isEqualTo(1);
        assertThat(KeySearch.parse(null, null, "99999999999").page()).isEqualTo(1);
    }

    @Test
    void hugePageKeepsTheOffsetInRange() {
        KeySearch search = KeySearch.parse(null, null, "999999999");

        assertThat(search.page()).isEqualTo(KeySearch.MAX_PAGE);
        assertThat(search.query().offset()).isPositive();
    }

    @Test
    void nextExistsOnlyWhileKeysRemain() {
        assertThat(new KeySearch(null, null, 1).hasNext(25)).isFalse();
        assertThat(new KeySearch(null, null, 1).hasNext(26)).isTrue();
        assertThat(new KeySearch(null, null, 2).hasNext(50)).isFalse();
    }

    @Test
    void previousOfAPagePastTheEndIsTheLastPage() {
        assertThat(new KeySearch(null, null, 3).previousPage(73)).isEqualTo(2);
        assertThat(new KeySearch(null, null, 7).previousPage(27)).isEqualTo(2);
        assertThat(new KeySearch(null, null, 7).previousPage(0)).isEqualTo(1);
    }

    @Test
    void describesTheRangeShown() {
        assertThat(new KeySearch(null, null, 2).describe(73, 25)).isEqualTo("Keys 26–50 of 73");
        assertThat(new KeySearch(null, null, 3).describe(73, 23)).isEqualTo("Keys 51–73 of 73");
        assertThat(new KeySearch(null, null, 1).describe(0, 0)).isEqualTo("There are no keys yet.");
        assertThat(new KeySearch("x", null, 1).describe(0, 0)).isEqualTo("No key matches.");
        assertThat(new KeySearch(null, null, 9).describe(30, 0)).isEqualTo("No keys on page 9 (30 in all).");
    }
}
