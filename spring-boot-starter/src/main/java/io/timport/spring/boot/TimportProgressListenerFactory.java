package io.timport.spring.boot;

import io.timport.bulk.ProgressListener;

/**
 * Gives each importer built with {@link TimportImporterConfigurer} a progress listener of its own, for listeners that
 * follow one run at a time (as the metrics do). A bean of this type is picked up by the configurer.
 */
@FunctionalInterface
public interface TimportProgressListenerFactory {

    /** A new listener for one importer. */
    ProgressListener newListener();
}
