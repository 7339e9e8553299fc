package io.timport.spring.boot;

import io.timport.bulk.BulkImporter;
import io.timport.bulk.ImporterBuilder;
import io.timport.call.FriendImportClient;
import io.timport.wire.AddFriendItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The {@code timport.importer.*} properties and the {@link ImporterBuilder} setters they feed, one line each
 * ({@link #ALL}). The builder's own rules check them: at startup the configurer applies them all to a builder of the
 * application's client and builds it, and a value the builder refuses stops the startup naming its property
 * ({@link InvalidTimportPropertyException}), in the builder's words with its setter's name replaced by the property's.
 *
 * <p><b>Adding a setting</b> the runtime's {@code ImporterBuilder} gained (say {@code maxRequestBytes(long)}):
 * <ol>
 *   <li>a field in {@link TimportProperties.Importer} with its getter and setter, and a Javadoc sentence that says
 *       what it does (IDEs show it; it becomes the property's description in the configuration metadata). Give it
 *       the runtime's default, or leave it null to keep the builder's default (then say the default in words);</li>
 *   <li>one line in {@link #ALL}: {@code one("max-request-bytes", Importer::getMaxRequestBytes,
 *       ImporterBuilder::maxRequestBytes)};</li>
 *   <li>the docs' table of properties: {@code mvn -pl spring-boot-starter verify -Dspring.docs.update=true}
 *       rewrites it from the metadata ({@code SpringBootDocTablesTest} fails until then).</li>
 * </ol>
 * A group of settings (a breaker's thresholds, say) is a nested class of {@code Importer} with a getter, and lines
 * named {@code "breaker.window"} and so on; a setter that takes two values gets a line of its own like the backoff's.
 */
final class ImporterSettings {

    /** Every {@code timport.importer.*} property, in the order they are applied. */
    static final List<Setting> ALL = List.of(
            one("batch-size", TimportProperties.Importer::getBatchSize, ImporterBuilder::batchSize),
            one("max-buffered-items", TimportProperties.Importer::getMaxBufferedItems, ImporterBuilder::maxBufferedItems),
            one("max-in-flight", TimportProperties.Importer::getMaxInFlight, ImporterBuilder::maxInFlight),
            one("max-attempts", TimportProperties.Importer::getMaxAttempts, ImporterBuilder::maxAttempts),
            backoff(),
            one("throttle-pause", TimportProperties.Importer::getThrottlePause, ImporterBuilder::throttlePause),
            one("lockout-pause", TimportProperties.Importer::getLockoutPause, ImporterBuilder::lockoutPause),
            one("linger", TimportProperties.Importer::getLinger, ImporterBuilder::linger),
            one("journal", TimportProperties.Importer::getJournal, ImporterBuilder::journal),
            one("fsync-journal", TimportProperties.Importer::isFsyncJournal, ImporterBuilder::fsyncJournal),
            one("progress-interval", TimportProperties.Importer::getProgressInterval, ImporterBuilder::progressInterval),
            one("failures-file", TimportProperties.Importer::getFailuresFile, ImporterBuilder::failuresFile),
            one("keep-failures", TimportProperties.Importer::getKeepFailures, ImporterBuilder::keepFailures),
            one("max-line-bytes", s -> bytes(s.getMaxLineBytes()), ImporterBuilder::maxLineBytes),
            one("max-body-bytes", s -> bytes(s.getMaxBodyBytes()), ImporterBuilder::maxBodyBytes),
            one("pacing", TimportProperties.Importer::getPacing, ImporterBuilder::pacing),
            one("outage-limit", TimportProperties.Importer::getOutageLimit, ImporterBuilder::outageLimit),
            one("accounts", TimportProperties.Importer::getAccounts, ImporterBuilder::accounts),
            one("accounts-file", TimportProperties.Importer::getAccountsFile, ImporterBuilder::accountsFile),
            one("missing-accounts-file", TimportProperties.Importer::getMissingAccountsFile,
                    ImporterBuilder::missingAccountsFile),
            breaker());

    private ImporterSettings() {
    }

    /**
     * One or more properties and how they go to the builder.
     *
     * @param properties the names under {@code timport.importer.}
     * @param apply sets their values on a builder; a null value leaves the builder's default
     * @param shown their values as a message shows them
     * @param check a rule the builder's message would say less well, or null: the first property it breaks and the
     *     problem, or null when they keep it
     */
    record Setting(List<String> properties, BiConsumer<ImporterBuilder<?, ?>, TimportProperties.Importer> apply,
            Function<TimportProperties.Importer, String> shown,
            Function<TimportProperties.Importer, String[]> check) {
    }

    /** A property that one setter takes. */
    static <V> Setting one(String property, Function<TimportProperties.Importer, V> value,
            BiConsumer<ImporterBuilder<?, ?>, V> setter) {
        return new Setting(List.of(property), (builder, settings) -> {
            V v = value.apply(settings);
            if (v != null) {
                setter.accept(builder, v);
            }
        }, settings -> String.valueOf(value.apply(settings)), null);
    }

    /** {@code initial-backoff} and {@code max-backoff}, which {@link ImporterBuilder#backoff} takes together. */
    private static Setting backoff() {
        return new Setting(List.of("initial-backoff", "max-backoff"), (builder, s) -> {
            // one of them empty: the builder's default for it
            Duration initial = s.getInitialBackoff() != null ? s.getInitialBackoff() : Duration.ofMillis(200);
            Duration max = s.getMaxBackoff() != null ? s.getMaxBackoff() : Duration.ofSeconds(10);
            if (s.getInitialBackoff() != null || s.getMaxBackoff() != null) {
                builder.backoff(initial, max);
            }
        }, s -> s.getInitialBackoff() + ", " + s.getMaxBackoff(), s -> {
            if (s.getInitialBackoff() != null && s.getInitialBackoff().isNegative()) {
                return new String[] {"initial-backoff", "must not be negative, was " + s.getInitialBackoff()};
            }
            if (s.getInitialBackoff() != null && s.getMaxBackoff() != null
                    && s.getMaxBackoff().compareTo(s.getInitialBackoff()) < 0) {
                return new String[] {"max-backoff", "must be at least " + TimportSettings.IMPORTER
                        + "initial-backoff (" + s.getInitialBackoff() + "), was " + s.getMaxBackoff()};
            }
            return null;
        });
    }

    /** A size in bytes as the builder takes it: null stays null (the builder's default); beyond an int, the largest. */
    private static Integer bytes(org.springframework.util.unit.DataSize size) {
        return size == null ? null : (int) Math.min(Integer.MAX_VALUE, size.toBytes());
    }

    /** {@code breaker.enabled}, {@code breaker.calls} and {@code breaker.relations}: the breaker, or none. */
    private static Setting breaker() {
        return new Setting(List.of("breaker.enabled", "breaker.calls", "breaker.relations"), (builder, s) -> {
            TimportProperties.Importer.Breaker b = s.getBreaker();
            if (b.isEnabled()) {
                builder.breaker(b.getCalls(), b.getRelations());
            } else {
                builder.breakerOff();
            }
        }, s -> s.getBreaker().isEnabled() + ", " + s.getBreaker().getCalls() + ", " + s.getBreaker().getRelations(),
                s -> {
                    TimportProperties.Importer.Breaker b = s.getBreaker();
                    if (b.isEnabled() && b.getCalls() < 1) {
                        return new String[] {"breaker.calls", "must be at least 1, was " + b.getCalls()};
                    }
                    if (b.isEnabled() && b.getRelations() < 1) {
                        return new String[] {"breaker.relations", "must be at least 1, was " + b.getRelations()};
                    }
                    return null;
                });
    }

    /** Sets every property's value on {@code builder}. */
    static void apply(ImporterBuilder<?, ?> builder, TimportProperties.Importer settings) {
        for (Setting setting : ALL) {
            setting.apply().accept(builder, settings);
        }
    }

    /**
     * Checks the properties by the builder's own rules: applies them to a builder of {@code client} and builds it
     * (which opens nothing, sends nothing).
     *
     * @throws InvalidTimportPropertyException naming the first property the builder refuses
     */
    static TimportProperties.Importer check(TimportProperties.Importer settings, FriendImportClient client) {
        Objects.requireNonNull(settings, "settings");
        BulkImporter.Builder<AddFriendItem> probe = BulkImporter.builder(client);
        for (Setting setting : ALL) {
            if (setting.check() != null) {
                String[] broken = setting.check().apply(settings);
                if (broken != null) {
                    throw invalid(broken[0], broken[1]);
                }
            }
            try {
                setting.apply().accept(probe, settings);
            } catch (IllegalArgumentException e) {
                throw refused(setting, settings, e.getMessage());
            }
        }
        try {
            probe.build();
        } catch (IllegalArgumentException e) {
            // a rule between settings: the property named first in the message
            String message = rewrite(e.getMessage());
            Setting named = ALL.get(0);
            int first = Integer.MAX_VALUE;
            for (Setting setting : ALL) {
                for (String property : setting.properties()) {
                    int at = message.indexOf(TimportSettings.IMPORTER + property);
                    if (at >= 0 && at < first) {
                        first = at;
                        named = setting;
                    }
                }
            }
            throw refused(named, settings, e.getMessage());
        }
        return settings;
    }

    /** The builder refused {@code setting}'s value: its message, in the properties' names. */
    private static InvalidTimportPropertyException refused(Setting setting, TimportProperties.Importer settings,
            String builderMessage) {
        String property = TimportSettings.IMPORTER + setting.properties().get(0);
        String message = rewrite(String.valueOf(builderMessage));
        String problem = message.startsWith(property + " ") ? message.substring(property.length() + 1)
                : "is refused: " + message;
        String shown = setting.shown().apply(settings);
        if (!problem.contains(shown)) {
            problem += ", was " + shown;
        }
        return invalid(setting.properties().get(0), problem);
    }

    private static InvalidTimportPropertyException invalid(String name, String problem) {
        String property = TimportSettings.IMPORTER + name;
        return new InvalidTimportPropertyException(property, problem,
                "Fix " + property + ", or remove it to take the default.");
    }

    /** {@code batchSize must be …} → {@code timport.importer.batch-size must be …}, for every setting's name. */
    static String rewrite(String builderMessage) {
        List<String[]> names = new ArrayList<>();
        for (Setting setting : ALL) {
            for (String property : setting.properties()) {
                names.add(new String[] {camel(property), TimportSettings.IMPORTER + property});
            }
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < builderMessage.length()) {
            char c = builderMessage.charAt(i);
            if (Character.isJavaIdentifierStart(c)) {
                int end = i + 1;
                while (end < builderMessage.length() && Character.isJavaIdentifierPart(builderMessage.charAt(end))) {
                    end++;
                }
                String word = builderMessage.substring(i, end);
                String replaced = word;
                for (String[] name : names) {
                    if (name[0].equals(word)) {
                        replaced = name[1];
                    }
                }
                out.append(replaced);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** {@code max-buffered-items} → {@code maxBufferedItems}; {@code breaker.window} → {@code breakerWindow}. */
    static String camel(String property) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : property.toCharArray()) {
            if (c == '-' || c == '.') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
                upper = false;
            }
        }
        return out.toString();
    }
}
