package dev.onrush.core.sink;

/** {@code sinks: [{id: json}]}: the run folder's result.json and intervals.jsonl, always written. */
public final class JsonSinkProvider extends RunFolderEntryProvider {

    public static final String ID = "json";

    public JsonSinkProvider() {
        super(ID);
    }
}
