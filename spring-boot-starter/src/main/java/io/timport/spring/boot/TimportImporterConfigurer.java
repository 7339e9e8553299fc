package io.timport.spring.boot;

import io.timport.bulk.ImportProgress;
import io.timport.bulk.ImporterBuilder;
import io.timport.bulk.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Applies the {@code timport.importer.*} properties and the application's progress listeners (the metrics among
 * them) to the builder of any importer: a generated {@code XImporter.Builder} or a {@code BulkImporter.Builder}.
 * One line per importer bean:
 *
 * <pre>{@code
 * @Bean
 * GameFriendImporter gameFriendImporter(FriendImportClient client, TimportImporterConfigurer configurer) {
 *     return configurer.configure(GameFriendImporter.builder(client)).build();
 * }
 * }</pre>
 *
 * <p>Settings given on the builder after {@code configure} win over the properties. The progress listeners are the
 * application's {@link ProgressListener} beans and one new listener per importer from each
 * {@link TimportProgressListenerFactory} bean (the metrics' when Micrometer is on).
 */
public final class TimportImporterConfigurer {

    private final TimportProperties.Importer settings;
    private final List<ProgressListener> listeners;
    private final List<TimportProgressListenerFactory> factories;

    /**
     * @param settings the {@code timport.importer.*} properties, checked here
     * @param listeners listeners every importer reports to
     * @param factories each gives every importer a listener of its own
     * @throws InvalidTimportPropertyException naming the first property that breaks its rule
     */
    public TimportImporterConfigurer(TimportProperties.Importer settings, List<? extends ProgressListener> listeners,
            List<? extends TimportProgressListenerFactory> factories) {
        this.settings = TimportSettings.check(Objects.requireNonNull(settings, "settings"));
        this.listeners = List.copyOf(listeners);
        this.factories = List.copyOf(factories);
    }

    /**
     * Sets the properties' values and the progress listeners on {@code builder}.
     *
     * @return {@code builder}, to go on configuring it or to {@code build()} it
     */
    public <B extends ImporterBuilder<?, B>> B configure(B builder) {
        Objects.requireNonNull(builder, "builder");
        builder.batchSize(settings.getBatchSize())
                .maxBufferedItems(settings.getMaxBufferedItems())
                .maxInFlight(settings.getMaxInFlight())
                .maxAttempts(settings.getMaxAttempts())
                .backoff(settings.getInitialBackoff(), settings.getMaxBackoff())
                .throttlePause(settings.getThrottlePause())
                .lockoutPause(settings.getLockoutPause())
                .linger(settings.getLinger())
                .journal(settings.getJournal())
                .fsyncJournal(settings.isFsyncJournal())
                .progressInterval(settings.getProgressInterval());
        List<ProgressListener> all = new ArrayList<>(listeners);
        for (TimportProgressListenerFactory factory : factories) {
            all.add(factory.newListener());
        }
        if (all.size() == 1) {
            builder.progress(all.get(0));
        } else if (!all.isEmpty()) {
            builder.progress(new Fanout(all));
        }
        return builder;
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
    }
}
