package io.timport.spring.boot;

import io.timport.bulk.ImportListener;
import io.timport.bulk.ImportProgress;
import io.timport.bulk.ImporterBuilder;
import io.timport.bulk.ProgressListener;
import io.timport.call.FriendImportClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Applies the {@code timport.importer.*} properties and the application's listeners (the metrics among them) to the
 * builder of any importer: a generated {@code XImporter.Builder} or a {@code BulkImporter.Builder}. One line per
 * importer bean:
 *
 * <pre>{@code
 * @Bean
 * GameFriendImporter gameFriendImporter(FriendImportClient client, TimportImporterConfigurer configurer) {
 *     return configurer.configure(GameFriendImporter.builder(client)).build();
 * }
 * }</pre>
 *
 * <p>Settings given on the builder after {@code configure} win over the properties. The listeners are:
 * <ul>
 *   <li>the application's {@link ProgressListener} beans, as the builder's {@code progress} listener (progress
 *       snapshots);</li>
 *   <li>the application's {@link ImportListener} beans, shared by every importer (every event of the import);</li>
 *   <li>one new {@link ImportListener} per importer from each {@link TimportListenerFactory} bean (the metrics' when
 *       Micrometer is on).</li>
 * </ul>
 */
public final class TimportImporterConfigurer {

    private final TimportProperties.Importer settings;
    private final List<ProgressListener> progressListeners;
    private final List<ImportListener> listeners;
    private final List<TimportListenerFactory> factories;

    /**
     * @param client the application's client: the properties are checked on a builder of it, by the builder's rules
     * @param settings the {@code timport.importer.*} properties, checked here
     * @param progressListeners listeners of every importer's progress snapshots
     * @param listeners listeners of every importer's events
     * @param factories each gives every importer a listener of its own
     * @throws InvalidTimportPropertyException naming the first property that breaks its rule
     */
    public TimportImporterConfigurer(FriendImportClient client, TimportProperties.Importer settings,
            List<? extends ProgressListener> progressListeners, List<? extends ImportListener> listeners,
            List<? extends TimportListenerFactory> factories) {
        this.settings = ImporterSettings.check(settings, Objects.requireNonNull(client, "client"));
        this.progressListeners = List.copyOf(progressListeners);
        this.listeners = List.copyOf(listeners);
        this.factories = List.copyOf(factories);
    }

    /**
     * Sets the properties' values and the listeners on {@code builder}.
     *
     * @param <B> the builder's type
     * @param builder the builder of an importer (not null)
     * @return {@code builder}, to go on configuring it or to {@code build()} it
     */
    public <B extends ImporterBuilder<?, B>> B configure(B builder) {
        Objects.requireNonNull(builder, "builder");
        ImporterSettings.apply(builder, settings);
        if (progressListeners.size() == 1) {
            builder.progress(progressListeners.get(0));
        } else if (!progressListeners.isEmpty()) {
            builder.progress(new Fanout(progressListeners));
        }
        for (ImportListener listener : listeners) {
            builder.listener(listener);
        }
        for (TimportListenerFactory factory : factories) {
            builder.listener(factory.newListener());
        }
        return builder;
    }

    /** The deprecated progress-listener factories as listener factories. */
    @SuppressWarnings("deprecation")
    static List<TimportListenerFactory> adapt(List<? extends TimportProgressListenerFactory> factories) {
        List<TimportListenerFactory> adapted = new ArrayList<>();
        for (TimportProgressListenerFactory factory : factories) {
            adapted.add(() -> new Snapshots(factory.newListener()));
        }
        return adapted;
    }

    /** Hands each snapshot to every listener; one that throws does not keep it from the others. */
    private static final class Fanout implements ProgressListener {
        private final List<ProgressListener> listeners;

        Fanout(List<ProgressListener> listeners) {
            this.listeners = List.copyOf(listeners);
        }

        @Override
        public void onProgress(ImportProgress progress) {
            for (ProgressListener listener : listeners) {
                try {
                    listener.onProgress(progress);
                } catch (RuntimeException e) {
                    // as the engine does with a lone listener: a faulty listener must not stop the others
                }
            }
        }

        @Override
        public void onProgress(String phase, ImportProgress progress) {
            for (ProgressListener listener : listeners) {
                try {
                    listener.onProgress(phase, progress);
                } catch (RuntimeException e) {
                    // as above
                }
            }
        }
    }

    /** A progress listener fed from the events: each snapshot, and the final one. */
    private static final class Snapshots implements ImportListener {
        private final ProgressListener listener;

        Snapshots(ProgressListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
        }

        @Override
        public void phaseProgress(String phase, ImportProgress progress) {
            listener.onProgress(phase, progress);
        }

        @Override
        public void phaseEnded(String phase, ImportProgress last, boolean stopped) {
            listener.onProgress(phase, last);
        }
    }
}
