package dev.onrush.app.serve;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ScheduleStore} does; a subclass gives a fresh, empty store on one place. */
abstract class ScheduleStoreContract {

    /** A store on the same place each time this is called within one test (a restart). */
    abstract ScheduleStore store();

    private static Schedule schedule(String id, String cron) {
        return new Schedule(id, "nightly", cron, "Europe/Berlin", "name: nightly\nheaders: {Authorization: x}\n",
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void savedSchedulesSurviveANewStoreOnTheSamePlace() {
        Schedule a = schedule("s-a", "0 0 3 * * ?");
        Schedule b = schedule("s-b", "0 30 * * * ?");
        store().save(a);
        store().save(b);
        assertThat(store().loadAll()).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void savingAgainReplacesAndDeleteForgets() {
        store().save(schedule("s-a", "0 0 3 * * ?"));
        Schedule changed = schedule("s-a", "0 0 4 * * ?");
        store().save(changed);
        assertThat(store().loadAll()).containsExactly(changed);
        store().delete("s-a");
        store().delete("s-never");
        assertThat(store().loadAll()).isEmpty();
        assertThat(store().describe()).isNotBlank();
    }
}
