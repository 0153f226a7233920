package dev.onrush.core.internal.metrics;

import dev.onrush.spi.LatencyStats;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.IntCountsHistogram;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;

/** The one histogram configuration of Onrush and the summaries read from it. */
public final class Histograms {

    /** Values below 1 µs share one bucket. */
    public static final long LOWEST_NS = 1_000;
    /** The largest value recorded as is: 24 hours. */
    public static final long HIGHEST_NS = TimeUnit.HOURS.toNanos(24);
    public static final int SIGNIFICANT_DIGITS = 3;

    private Histograms() {
    }

    /** A histogram for totals (long counts). */
    public static Histogram newTotal() {
        return new Histogram(LOWEST_NS, HIGHEST_NS, SIGNIFICANT_DIGITS);
    }

    /** A histogram for one shard's interval (int counts: half the memory, plenty for one second). */
    public static IntCountsHistogram newInterval() {
        return new IntCountsHistogram(LOWEST_NS, HIGHEST_NS, SIGNIFICANT_DIGITS);
    }

    /** Clamps {@code ns} into the recordable range. */
    public static long clamp(long ns) {
        return ns < 0 ? 0 : Math.min(ns, HIGHEST_NS);
    }

    /** The summary of {@code h} in milliseconds. */
    public static LatencyStats stats(AbstractHistogram h) {
        if (h.getTotalCount() == 0) {
            return LatencyStats.EMPTY;
        }
        return new LatencyStats(h.getTotalCount(), ms(h.getMean()), ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(95)), ms(h.getValueAtPercentile(99)),
                ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()));
    }

    /** {@code h} in HdrHistogram's standard compressed encoding. */
    public static byte[] compress(AbstractHistogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return bytes;
    }

    /** Decodes what {@link #compress} made. */
    public static Histogram decompress(byte[] bytes) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), LOWEST_NS);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("not a compressed HdrHistogram: " + e.getMessage(), e);
        }
    }

    private static double ms(double ns) {
        return Math.round(ns / 1e3) / 1e3;
    }
}
