package io.timport.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.timport.call.FriendImportClient;
import io.timport.micrometer.TimportMetrics;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The metrics: on with a MeterRegistry, off without one, and no need for Micrometer at all. */
class TimportMetricsAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TimportAutoConfiguration.class,
                    TimportMetricsAutoConfiguration.class))
            .withPropertyValues(TimportAutoConfigurationTest.app(1400000000L));

    @Test
    void withSpringBootsMeterRegistryTheMetersAreBound() {
        runner.withConfiguration(Boot.metrics()).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(TimportMetrics.class)
                    .hasSingleBean(TimportListenerFactory.class);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.find("timport.calls").tag("api", "friend_import").functionCounter()).isNotNull();
            assertThat(registry.find("timport.relations").tag("outcome", "imported").functionCounter()).isNotNull();
            assertThat(registry.find("timport.calls.active").gauge()).isNotNull();
            assertThat(registry.find("timport.phase.progress").gauge()).isNotNull();
        });
    }

    @Test
    void anOwnTimportMetricsReplacesTheAutoConfiguredOne() {
        TimportMetrics own = new TimportMetrics();
        runner.withConfiguration(Boot.metrics()).withBean(TimportMetrics.class, () -> own).run(context -> {
            assertThat(context).hasSingleBean(TimportMetrics.class);
            assertThat(context.getBean(TimportMetrics.class)).isSameAs(own);
        });
    }

    @Test
    void withoutAMeterRegistryThereAreNoMetrics() {
        runner.run(context -> assertThat(context).hasNotFailed().hasSingleBean(FriendImportClient.class)
                .doesNotHaveBean(TimportMetrics.class).doesNotHaveBean(TimportListenerFactory.class));
    }

    @Test
    void withoutMicrometerTheStarterStillStarts() {
        runner.withClassLoader(new FilteredClassLoader("io.micrometer"))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(FriendImportClient.class)
                        .hasSingleBean(TimportImporterConfigurer.class).doesNotHaveBean(TimportMetrics.class));
    }
}
