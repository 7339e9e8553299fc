package io.timport.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import io.timport.micrometer.TimportMetrics;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer metrics of the imports ({@code timport.*} meters, see {@link TimportMetrics}), when Micrometer is on the
 * class path and the application has a {@link MeterRegistry} (with {@code spring-boot-starter-actuator}). Spring
 * Boot binds the {@link TimportMetrics} bean to its registries; every importer built with
 * {@link TimportImporterConfigurer} reports to it.
 *
 * <p>Ordered after the auto-configuration that makes the registry: Spring Boot 3's
 * {@code org.springframework.boot.actuate.autoconfigure.metrics} and Spring Boot 4's
 * {@code org.springframework.boot.micrometer.metrics.autoconfigure}.
 */
@AutoConfiguration(after = TimportAutoConfiguration.class, afterName = {
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass({MeterRegistry.class, TimportMetrics.class})
@ConditionalOnBean(MeterRegistry.class)
public class TimportMetricsAutoConfiguration {

    /**
     * The meters; Spring Boot binds them to every registry.
     *
     * @return the meters
     */
    @Bean
    @ConditionalOnMissingBean
    public TimportMetrics timportMetrics() {
        return new TimportMetrics();
    }

    /**
     * Gives every importer built with the configurer a listener of the metrics.
     *
     * @param metrics the meters bean
     * @return the factory that hands each importer {@link TimportMetrics#listener() a listener of its own}
     */
    @Bean
    public TimportListenerFactory timportMetricsListeners(TimportMetrics metrics) {
        return metrics::listener;
    }
}
