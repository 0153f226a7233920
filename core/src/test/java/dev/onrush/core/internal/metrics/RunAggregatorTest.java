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

    @ParameterizedTest
    @MethodSource("seeds")
    void aLongRunKeepsCoarserSnapshotsMergedExactlyAndNeverAcrossAPhase(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        // planned for 3 h: kept snapshots of 5 s (3 h / 5 s = 2160, within the 3600 kept at most)
        Timeline longRun = new Timeline(List.of(
                Phase.of("one", Duration.ofSeconds(12), LoadShape.rate(10, 10)),
                Phase.of("two", Duration.ofHours(3).minusSeconds(12), LoadShape.rate(10, 10))));
        RunAggregator agg = new RunAggregator("t", NAMES, longRun, Instant.EPOCH, List.of());
        assertThat(agg.resolutionSeconds()).isEqualTo(5);
        List<Histogram> expected = new ArrayList<>();
        Histogram window = Histograms.newTotal();
        List<IntervalSnapshot> live = new ArrayList<>();
        for (int interval = 0; interval < 20; interval++) {
            RecorderSet set = new RecorderSet(NAMES.size());
            for (int i = r.nextInt(200); i > 0; i--) {
                long ns = (long) Math.pow(10, 3 + r.nextDouble() * 6);
                set.recordResponse(r.nextInt(NAMES.size()), 200, ns, ns / 2, 100, 300);
                window.recordValue(ns);
            }
            live.add(agg.addInterval(List.of(set), interval * 1_000_000_000L, (interval + 1) * 1_000_000_000L, 0));
            // windows close after 5 s, and at the phase change after 12 s
            if (interval == 4 || interval == 9 || interval == 11 || interval == 16) {
                expected.add(window);
                window = Histograms.newTotal();
            }
        }
        expected.add(window);

        List<IntervalSnapshot> kept = agg.snapshots();
        assertThat(live).as("listeners still get every second").hasSize(20)
                .allSatisfy(i -> assertThat(i.durationS()).isEqualTo(1.0));
        assertThat(kept).extracting(IntervalSnapshot::durationS).containsExactly(5.0, 5.0, 2.0, 5.0, 3.0);
        assertThat(kept).extracting(IntervalSnapshot::phase).containsExactly("one", "one", "one", "two", "two");
        assertThat(kept).extracting(IntervalSnapshot::index).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(agg.heapFloors()).hasSize(kept.size()).allSatisfy(h -> assertThat(h).isPositive());
        for (int k = 0; k < kept.size(); k++) {
            IntervalSnapshot s = kept.get(k);
            assertThat(Histograms.decompress(s.compressedLatencyHistogram())).as("seed %d window %d", seed, k)
                    .isEqualTo(expected.get(k));
            assertThat(s.totals().requests()).isEqualTo(expected.get(k).getTotalCount());
            assertThat(s.requests().values().stream().mapToLong(x -> x.requests()).sum())
                    .isEqualTo(s.totals().requests());
        }
        assertThat(kept.get(1).start()).isEqualTo(Instant.EPOCH.plusSeconds(5));
    }

    @Test
    void theResolutionKeepsAtMost3600Snapshots() {
        assertThat(RunAggregator.resolutionFor(Duration.ofHours(1).toNanos())).isEqualTo(1);
        assertThat(RunAggregator.resolutionFor(Duration.ofHours(1).plusSeconds(1).toNanos())).isEqualTo(2);
        assertThat(RunAggregator.resolutionFor(Duration.ofHours(24).toNanos())).isEqualTo(30);
        assertThat(RunAggregator.resolutionFor(Duration.ofDays(30).toNanos())).isEqualTo(600);
    }
}
