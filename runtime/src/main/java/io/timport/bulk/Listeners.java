package io.timport.bulk;

import io.timport.errors.ErrorClass;
import java.util.List;

/**
 * The import's {@link ImportListener}s as one: each event goes to each of them in turn, and what one of them throws
 * is dropped, so that a faulty listener can neither stop the import nor keep the others from their events.
 */
final class Listeners implements ImportListener {

    private final ImportListener[] all;

    Listeners(List<ImportListener> listeners) {
        this.all = listeners.toArray(new ImportListener[0]);
    }

    /** True when nobody listens. */
    boolean isEmpty() {
        return all.length == 0;
    }

    @Override
    public void phaseStarted(String phase, long total) {
        for (ImportListener l : all) {
            try {
                l.phaseStarted(phase, total);
            } catch (RuntimeException e) {
                // ignored: see the class comment
            }
        }
    }

    @Override
    public void callSent(String api, int items, boolean retry) {
        for (ImportListener l : all) {
            try {
                l.callSent(api, items, retry);
            } catch (RuntimeException e) {
                // ignored
            }
        }
    }

    @Override
    public void callAnswered(String api, ErrorClass outcome, int code, long latencyNanos) {
        for (ImportListener l : all) {
            try {
                l.callAnswered(api, outcome, code, latencyNanos);
            } catch (RuntimeException e) {
                // ignored
            }
        }
    }

    @Override
    public void throttled(String api, int code) {
        for (ImportListener l : all) {
            try {
                l.throttled(api, code);
            } catch (RuntimeException e) {
                // ignored
            }
        }
    }

    @Override
    public void paused(String api, long pauseNanos, int code) {
        for (ImportListener l : all) {
            try {
                l.paused(api, pauseNanos, code);
            } catch (RuntimeException e) {
                // ignored
            }
        }
    }

    @Override
    public void outageStarted(String api, String cause) {
        for (ImportListener l : all) {
            try {
                l.outageStarted(api, cause);
            } catch (RuntimeException e) {
                // ignored
            }
        }
    }

    @Override
    public void outageEnded(String api, long durationNanos, long probes) {
        for (ImportListener l : all) {
            try {
                l.outageEnded(api, durationNanos, probes);
            } catch (RuntimeException e) {
                // ignored
            }
        }
    }

    @Override
    public void relationsSettled(RelationOutcome outcome, int code, long count) {
        for (ImportListener l : all) {
            try {
                l.relationsSettled(outcome, code, count);
            } catch (RuntimeException e) {
                // ignored
            }
        }
    }

    @Override
    public void inFlight(String api, int calls) {
        for (ImportListener l : all) {
            try {
                l.inFlight(api, calls);
            } catch (RuntimeException e) {
                // ignored
            }
        }
    }

    @Override
    public void pace(String api, double callsPerSecond) {
        for (ImportListener l : all) {
            try {
                l.pace(api, callsPerSecond);
            } catch (RuntimeException e) {
                // ignored
            }
        }
    }

    @Override
    public void phaseProgress(String phase, ImportProgress progress) {
        for (ImportListener l : all) {
            try {
                l.phaseProgress(phase, progress);
            } catch (RuntimeException e) {
                // ignored
            }
        }
    }

    @Override
    public void phaseEnded(String phase, ImportProgress last, boolean stopped) {
        for (ImportListener l : all) {
            try {
                l.phaseEnded(phase, last, stopped);
            } catch (RuntimeException e) {
                // ignored
            }
        }
    }
}
