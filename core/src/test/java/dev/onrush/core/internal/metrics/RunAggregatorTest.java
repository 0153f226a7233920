package dev.onrush.core.internal.metrics;

import dev.onrush.core.internal.schedule.Timeline;
import dev.onrush.core.model.LoadShape;
import dev.onrush.core.model.Phase;
import dev.onrush.spi.ErrorKind;
import dev.onrush.spi.IntervalSnapshot;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Merging shards' interval recorders: the merge of the parts must equal the whole. */
class RunAggregatorTest {

    private static final List<String> NAMES = List.of("a", "b", "c");
    private final Timeline timeline = new Timeline(List.of(
            Phase.of("one", Duration.ofSeconds(2), LoadShape.rate(10, 10)),
            Phase.of("two", Duration.ofSeconds(2), LoadShape.users(3, 3))));

    static LongStream seeds() {
        return LongStream.range(1, 51);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void mergedShardsEqualOneHistogramOfEveryValue(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        RunAggregator agg = new RunAggregator("t", NAMES, timeline, Instant.EPOCH, List.of());
        int shards = 1 + r.nextInt(4);
        Histogram whole = Histograms.newTotal();
        Histogram wholeOfB = Histograms.newTotal();
        long requests = 0;
        long errors = 0;
        for (int interval = 0; interval < 4; interval++) {
            List<RecorderSet> sets = new ArrayList<>();
            for (int s = 0; s < shards; s++) {
                RecorderSet set = new RecorderSet(NAMES.size());
                int n = r.nextInt(500);
                for (int i = 0; i < n; i++) {
                    int req = r.nextInt(NAMES.size());
                    // log-uniform from 1 us to 100 s
                    long ns = (long) Math.pow(10, 3 + r.nextDouble() * 8);
                    if (r.nextInt(20) == 0) {
                        set.recordFailure(req, ErrorKind.RESET, ns, ns / 2, 100, 0);
                        errors++;
                    } else {
                        set.recordResponse(req, 200, ns, ns / 2, 100, 300);
                    }
                    whole.recordValue(ns);
                    if (req == 1) {
                        wholeOfB.recordValue(ns);
                    }
                    requests++;
                }
                sets.add(set);
            }
            agg.addInterval(sets, interval * 1_000_000_000L, (interval + 1) * 1_000_000_000L, 0);
        }
        assertThat(agg.total().latency()).as("seed %d", seed).isEqualTo(whole);
        assertThat(agg.request(1).latency()).as("seed %d", seed).isEqualTo(wholeOfB);
        assertThat(agg.total().requests()).as("seed %d", seed).isEqualTo(requests);
        assertThat(agg.total().errors()).as("seed %d", seed).isEqualTo(errors);
        assertThat(agg.phase(0).requests() + agg.phase(1).requests()).as("seed %d", seed).isEqualTo(requests);
        assertThat(agg.phaseSeconds(0)).isEqualTo(2.0);
        // the compressed interval histograms decode to what they summarize
        for (IntervalSnapshot s : agg.snapshots()) {
            assertThat(Histograms.decompress(s.compressedLatencyHistogram()).getTotalCount())
                    .as("seed %d interval %d", seed, s.index()).isEqualTo(s.totals().requests());
        }
    }

    @Test
    void intervalSnapshotCountsStatusesErrorsAndBytes() {
        RunAggregator agg = new RunAggregator("t", NAMES, timeline, Instant.EPOCH, List.of());
        RecorderSet set = new RecorderSet(NAMES.size());
        set.recordResponse(0, 200, 5_000_000, 4_000_000, 100, 1000);
        set.recordResponse(0, 503, 7_000_000, 6_000_000, 100, 200);
        set.recordResponse(2, 404, 1_000_000, 1_000_000, 50, 100);
        set.recordFailure(2, ErrorKind.CONNECT_REFUSED, 2_000_000, -1, 0, 0);
        set.recordLag(3_000_000);
        set.recordArrival();
        set.recordDrop();

        IntervalSnapshot s = agg.addInterval(List.of(set), 0, 500_000_000L, 0);

        assertThat(s.durationS()).isEqualTo(0.5);
        assertThat(s.phase()).isEqualTo("one");
        assertThat(s.totals().requests()).isEqualTo(4);
        assertThat(s.totals().errors()).isEqualTo(3);
        assertThat(s.totals().throughputRps()).isEqualTo(8.0);
        assertThat(s.totals().statusCodes()).containsEntry("200", 1L).containsEntry("503", 1L)
                .containsEntry("404", 1L);
        assertThat(s.totals().errorsByKind()).containsEntry("http_5xx", 1L).containsEntry("http_4xx", 1L)
                .containsEntry("connect_refused", 1L);
        assertThat(s.totals().bytesReceived()).isEqualTo(1300);
        assertThat(s.totals().serviceTimeMs().count()).isEqualTo(3);
        assertThat(s.requests()).containsOnlyKeys("a", "c");
        assertThat(s.generator().lagMs().max()).isCloseTo(3.0, org.assertj.core.api.Assertions.within(0.01));
        assertThat(s.generator().droppedArrivals()).isEqualTo(1);
        assertThat(agg.arrivals()).isEqualTo(1);
    }

    @Test
    void valuesBeyondTheRangeAreClampedAndCounted() {
        RecorderSet set = new RecorderSet(1);
        set.recordResponse(0, 200, Duration.ofDays(3).toNanos(), 1, 0, 0);
        RunAggregator agg = new RunAggregator("t", List.of("a"), timeline, Instant.EPOCH, List.of());
        agg.addInterval(List.of(set), 0, 1_000_000_000L, 0);
        assertThat(agg.clampedValues()).isEqualTo(1);
        assertThat(agg.total().latency().getMaxValue()).isGreaterThanOrEqualTo(Duration.ofHours(23).toNanos());
    }
}
