package io.timport.spring.boot;

import io.timport.bulk.ImportListener;

/**
 * Gives each importer built with {@link TimportImporterConfigurer} an {@link ImportListener} of its own, for
 * listeners that follow the runs of one importer (as the metrics' do: {@code TimportMetrics::listener}). Beans of
 * this type are picked up by the configurer; {@code ImportListener} beans, by contrast, are shared by every importer.
 */
@FunctionalInterface
public interface TimportListenerFactory {

    /**
     * A new listener for one importer.
     *
     * @return a new listener, not shared with another importer
     */
    ImportListener newListener();
}
