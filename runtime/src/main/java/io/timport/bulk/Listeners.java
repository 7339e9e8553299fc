package io.timport.bulk;

import io.timport.errors.ErrorClass;
import java.util.List;
import java.util.function.Consumer;

/**
 * The import's {@link ImportListener}s as one: each event goes to each of them in turn, and what one of them throws
 * is dropped, so that a faulty listener can neither stop the import nor keep the others from their events.
 */
final class Listeners implements ImportListener {

    private final ImportListener[] all;

    Listeners(List<ImportListener> listeners) {
        this.all = listeners.toArray(new ImportListener[0]);
    }

    /** Tells {@code event} to each listener in turn; what one of them throws is dropped (see the class comment). */
    private void each(Consumer<ImportListener> event) {
        for (ImportListener l : all) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                // ignored: a faulty listener neither stops the import nor keeps the others from the event
            }
        }
    }

    /** True when nobody listens. */
    boolean isEmpty() {
        return all.length == 0;
    }

    @Override
    public void phaseStarted(String phase, long total) {
        each(l -> l.phaseStarted(phase, total));
    }

    @Override
    public void callSent(String api, int items, boolean retry) {
        each(l -> l.callSent(api, items, retry));
    }

    @Override
    public void callAnswered(String api, ErrorClass outcome, int code, long latencyNanos) {
        each(l -> l.callAnswered(api, outcome, code, latencyNanos));
    }

    @Override
    public void throttled(String api, int code) {
        each(l -> l.throttled(api, code));
    }

    @Override
    public void paused(String api, long pauseNanos, int code) {
        each(l -> l.paused(api, pauseNanos, code));
    }

    @Override
    public void outageStarted(String api, String cause) {
        each(l -> l.outageStarted(api, cause));
    }

    @Override
    public void outageEnded(String api, long durationNanos, long probes) {
        each(l -> l.outageEnded(api, durationNanos, probes));
    }

    @Override
    public void relationsSettled(RelationOutcome outcome, int code, long count) {
        each(l -> l.relationsSettled(outcome, code, count));
    }

    @Override
    public void inFlight(String api, int calls) {
        each(l -> l.inFlight(api, calls));
    }

    @Override
    public void pace(String api, double callsPerSecond) {
        each(l -> l.pace(api, callsPerSecond));
    }

    @Override
    public void phaseProgress(String phase, ImportProgress progress) {
        each(l -> l.phaseProgress(phase, progress));
    }

    @Override
    public void phaseEnded(String phase, ImportProgress last, boolean stopped) {
        each(l -> l.phaseEnded(phase, last, stopped));
    }
}
