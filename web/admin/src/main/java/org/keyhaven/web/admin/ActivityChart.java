package org.keyhaven.web.admin;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.keyhaven.audit.MinuteCounts;

/**
 * The dashboard's bar chart of operations per minute as SVG geometry: one bar per minute, scaled to the busiest
 * minute, drawn by the page with plain SVG elements (no script, no inline style).
 */
public final class ActivityChart {

    public static final int WIDTH = 600;
    public static final int HEIGHT = 120;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    /** A bar: position, size, and its text for assistive technology and tooltips. */
    public record Bar(int x, int y, int width, int height, String label) {
    }

    private final List<Bar> bars = new ArrayList<>();
    private final long total;
    private final long peak;

    public ActivityChart(List<MinuteCounts.Minute> minutes) {
        long max = 0;
        long sum = 0;
        for (MinuteCounts.Minute minute : minutes) {
            max = Math.max(max, minute.count());
            sum += minute.count();
        }
        peak = max;
        total = sum;
        int slot = minutes.isEmpty() ? WIDTH : WIDTH / minutes.size();
        for (int i = 0; i < minutes.size(); i++) {
            MinuteCounts.Minute minute = minutes.get(i);
            int height = max == 0 ? 0 : (int) Math.max(minute.count() > 0 ? 1 : 0, minute.count() * HEIGHT / max);
            bars.add(new Bar(i * slot, HEIGHT - height, Math.max(1, slot - 2), height,
                    TIME.format(minute.start()) + " UTC: " + minute.count() + " operations"));
        }
    }

    public List<Bar> getBars() {
        return bars;
    }

    public long getTotal() {
        return total;
    }

    public long getPeak() {
        return peak;
    }

    public String getSummary() {
        return total + " operations in the last hour, at most " + peak + " in one minute";
    }
}
