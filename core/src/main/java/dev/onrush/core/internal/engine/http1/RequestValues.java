package dev.onrush.core.internal.engine.http1;

/**
 * The values of one templated request, drawn by {@link TemplatedRequest#draw} and written by its encoders, and
 * the run's {@code ${counter}} for one event loop. One per shard, reused for every request (a request is drawn and
 * encoded in one go, before the next). Confined to its event loop; not thread-safe.
 *
 * <p>The counter: shard {@code i} of {@code n} hands out {@code i+1, i+1+n, i+1+2n, …}, so the shards together
 * give every value 1, 2, 3, … once, with no shared state.
 */
public final class RequestValues {

    final long[] numbers;
    /** {@code ${uuid}}: the low 64 bits ({@link #numbers} holds the high ones). */
    final long[] lows;
    /** Body bytes of the current request, -1 for none. */
    long bodyLength = -1;
    int encodedBytes;
    private long nextCounter;
    private final long counterStep;

    /**
     * @param slots        the most variables any templated request of the shard has
     * @param firstCounter the shard's first counter value, {@code >= 1}
     * @param counterStep  the distance between its counter values (the number of shards)
     */
    public RequestValues(int slots, long firstCounter, long counterStep) {
        this.numbers = new long[slots];
        this.lows = new long[slots];
        this.nextCounter = firstCounter;
        this.counterStep = counterStep;
    }

    long nextCounter() {
        long c = nextCounter;
        nextCounter += counterStep;
        return c;
    }

    /** Body bytes of the request last drawn, or -1 when it has no body. */
    public long bodyLength() {
        return bodyLength;
    }

    /** Wire bytes of the request last encoded for HTTP/1.1. */
    public int encodedBytes() {
        return encodedBytes;
    }
}
