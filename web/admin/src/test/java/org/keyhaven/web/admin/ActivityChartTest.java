package org.keyhaven.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keyhaven.audit.MinuteCounts;

/**
 * The dashboard's per-minute bar chart: bars are scaled to the busiest minute, any activity stays visible, and the
 * totals, summary and per-bar labels describe the same numbers.
 */
class ActivityChartTest {

    private static final Instant T0 = Instant.parse("2024-05-01T09:58:00Z");

    private static List<MinuteCounts.Minute> minutes(long... counts) {
        List<MinuteCounts.Minute> minutes = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            minutes.add(new MinuteCounts.Minute(T0.plus(Duration.ofMinutes(i)), counts[i]));
        }
        return minutes;
    }

    @Test
    void theBusiestMinuteGetsAFullHeightBar() {
        ActivityChart chart = new ActivityChart(minutes(3, 12, 6));

        ActivityChart.Bar busiest = chart.getBars().get(1);
        assertThat(busiest.height()).isEqualTo(ActivityChart.HEIGHT);
        assertThat(busiest.y()).isZero();
    }

    @Test
    void barsAreScaledProportionallyToThePeak() {
        ActivityChart chart = new ActivityChart(minutes(3, 12, 6));

        assertThat(chart.getBars()).extracting(ActivityChart.Bar::height)
                .containsExactly(ActivityChart.HEIGHT / 4, ActivityChart.HEIGHT, ActivityChart.HEIGHT / 2);
    }

    @Test
    void barsStandOnTheBaseline() {
        ActivityChart chart = new ActivityChart(minutes(3, 12, 6, 0));

        assertThat(chart.getBars()).allSatisfy(bar -> assertThat(bar.y() + bar.height())
                .isEqualTo(ActivityChart.HEIGHT));
    }

    @Test
    void aSingleEventAmongMuchBusierMinutesIsStillVisible() {
        ActivityChart chart = new ActivityChart(minutes(10_000, 1, 5_000));

        ActivityChart.Bar single = chart.getBars().get(1);
        assertThat(single.height()).isGreaterThanOrEqualTo(1);
        assertThat(single.y()).isEqualTo(ActivityChart.HEIGHT - single.height());
    }

    @Test
    void aMinuteWithoutEventsHasNoBarHeight() {
        ActivityChart chart = new ActivityChart(minutes(10_000, 0));

        assertThat(chart.getBars().get(1).height()).isZero();
        assertThat(chart.getBars().get(1).y()).isEqualTo(ActivityChart.HEIGHT);
    }

    @Test
    void anAllZeroWindowHasFlatBarsAndZeroTotals() {
        ActivityChart chart = new ActivityChart(minutes(0, 0, 0, 0));

        assertThat(chart.getBars()).hasSize(4).allSatisfy(bar -> {
            assertThat(bar.height()).isZero();
            assertThat(bar.y()).isEqualTo(ActivityChart.HEIGHT);
        });
        assertThat(chart.getTotal()).isZero();
        assertThat(chart.getPeak()).isZero();
        assertThat(chart.getSummary()).isEqualTo("0 operations in the last hour, at most 0 in one minute");
    }

    @Test
    void anEmptyWindowHasNoBars() {
        ActivityChart chart = new ActivityChart(List.of());

        assertThat(chart.getBars()).isEmpty();
        assertThat(chart.getTotal()).isZero();
        assertThat(chart.getPeak()).isZero();
    }

    @Test
    void totalAndPeakSumAndMaximiseTheCounts() {
        ActivityChart chart = new ActivityChart(minutes(4, 0, 9, 2));

        assertThat(chart.getTotal()).isEqualTo(15);
        assertThat(chart.getPeak()).isEqualTo(9);
    }

    @Test
    void summaryStatesTotalAndPeak() {
        ActivityChart chart = new ActivityChart(minutes(4, 0, 9, 2));

        assertThat(chart.getSummary()).isEqualTo("15 operations in the last hour, at most 9 in one minute");
    }

    @Test
    void barsSplitTheWidthEvenlyWithAGap() {
        ActivityChart chart = new ActivityChart(minutes(new long[60]));

        assertThat(chart.getBars()).hasSize(60);
        for (int i = 0; i < 60; i++) {
            ActivityChart.Bar bar = chart.getBars().get(i);
            assertThat(bar.x()).isEqualTo(i * 10);
            assertThat(bar.width()).isEqualTo(8);
        }
        ActivityChart.Bar last = chart.getBars().get(59);
        assertThat(last.x() + last.width()).isLessThanOrEqualTo(ActivityChart.WIDTH);
    }

    @Test
    void aSingleMinuteSpansTheWholeWidthLessTheGap() {
        ActivityChart.Bar bar = new ActivityChart(minutes(7)).getBars().get(0);

        assertThat(bar.x()).isZero();
        assertThat(bar.width()).isEqualTo(ActivityChart.WIDTH - 2);
        assertThat(bar.height()).isEqualTo(ActivityChart.HEIGHT);
    }

    @Test
    void barsAreAtLeastOnePixelWideEvenWhenCrowded() {
        ActivityChart chart = new ActivityChart(minutes(new long[300]));

        assertThat(chart.getBars()).allSatisfy(bar -> assertThat(bar.width()).isGreaterThanOrEqualTo(1));
    }

    @Test
    void labelsNameTheUtcMinuteAndItsCount() {
        ActivityChart chart = new ActivityChart(minutes(1, 0, 42));

        assertThat(chart.getBars()).extracting(ActivityChart.Bar::label).containsExactly(
                "09:58 UTC: 1 operations",
                "09:59 UTC: 0 operations",
                "10:00 UTC: 42 operations");
    }

    @Test
    void labelsUseTheTwentyFourHourClock() {
        ActivityChart chart = new ActivityChart(List.of(
                new MinuteCounts.Minute(Instant.parse("2024-05-01T23:07:00Z"), 3)));

        assertThat(chart.getBars().get(0).label()).isEqualTo("23:07 UTC: 3 operations");
    }
}
