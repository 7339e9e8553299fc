package io.timport.spring.boot;

import io.timport.bulk.ProgressListener;

/**
 * Gives each importer built with {@link TimportImporterConfigurer} a progress listener of its own. A bean of this type
 * is still picked up by the configurer: each listener it makes receives the importer's snapshots (at the progress
 * interval, and the final one) through an {@link io.timport.bulk.ImportListener}.
 *
 * @deprecated the metrics no longer follow progress snapshots; use {@link TimportListenerFactory}, whose
 *     {@link io.timport.bulk.ImportListener} receives every event of the import (snapshots among them), or a
 *     {@link ProgressListener} bean for snapshots alone
 */
@Deprecated(since = "0.1.0")
@FunctionalInterface
public interface TimportProgressListenerFactory {

    /**
     * A new listener for one importer.
     *
     * @return a new listener, not shared with another importer
     */
    ProgressListener newListener();
}
