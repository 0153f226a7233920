package dev.onrush.probe.autoscaling;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The change of capacity one scaling activity made, read from its text. The description decides first:
 * "Launching a new EC2 instance: i-…" is +1, "Terminating EC2 instance: i-…" is −1 (one activity per instance, so
 * the activities of one scaling event add up); then "desired capacity from 2 to 4" in the description, then in the
 * cause, gives +2. Anything else is unknown, with a delta of 0.
 *
 * @param delta instances added (negative: removed)
 * @param known whether the text said
 */
record CapacityChange(double delta, boolean known) {

    private static final Pattern FROM_TO = Pattern.compile("desired capacity from (\\d+) to (\\d+)",
            Pattern.CASE_INSENSITIVE);

    static CapacityChange of(String description, String cause) {
        String d = description == null ? "" : description.toLowerCase(Locale.ROOT);
        if (d.startsWith("launching a new ec2 instance")) {
            return new CapacityChange(1, true);
        }
        if (d.startsWith("terminating ec2 instance")) {
            return new CapacityChange(-1, true);
        }
        for (String text : new String[] {description, cause}) {
            Matcher m = FROM_TO.matcher(text == null ? "" : text);
            if (m.find()) {
                return new CapacityChange(Long.parseLong(m.group(2)) - Long.parseLong(m.group(1)), true);
            }
        }
        return new CapacityChange(0, false);
    }
}
