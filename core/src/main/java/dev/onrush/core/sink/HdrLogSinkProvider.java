package dev.onrush.core.sink;

/** {@code sinks: [{id: hdr-log}]}: the run folder's latency.hlog (HdrHistogram interval log), always written. */
public final class HdrLogSinkProvider extends RunFolderEntryProvider {

    public static final String ID = "hdr-log";

    public HdrLogSinkProvider() {
        super(ID);
    }
}
