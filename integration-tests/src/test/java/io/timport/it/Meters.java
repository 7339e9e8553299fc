package io.timport.it;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** Reads timport's meters from a registry, for the tests of the Micrometer binder in a real import. */
final class Meters {

    private Meters() {
    }

    /** The one counter of {@code name} with these tags, NaN when there is none. */
    static double count(MeterRegistry registry, String name, String... tags) {
        FunctionCounter counter = registry.find(name).tags(tags).functionCounter();
        return counter == null ? Double.NaN : counter.count();
    }

    /** Every counter of {@code name} with these tags, added up (calls over all outcomes, say). */
    static double sum(MeterRegistry registry, String name, String... tags) {
        return registry.find(name).tags(tags).functionCounters().stream().mapToDouble(FunctionCounter::count).sum();
    }

    /** The one gauge of {@code name} with these tags, NaN when there is none. */
    static double gauge(MeterRegistry registry, String name, String... tags) {
        Gauge gauge = registry.find(name).tags(tags).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }
}
