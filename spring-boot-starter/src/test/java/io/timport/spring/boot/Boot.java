package io.timport.spring.boot;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.util.ClassUtils;

/**
 * What differs between Spring Boot 3.5 and 4.0 for these tests (which run on both): the package of the
 * auto-configurations that make the MeterRegistry.
 */
final class Boot {

    private static final String[] METRICS = {
        // Spring Boot 3
        "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        // Spring Boot 4
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    };

    private Boot() {
    }

    /** Spring Boot's own auto-configurations of a (simple) MeterRegistry, as an application with the actuator has. */
    static AutoConfigurations metrics() {
        List<Class<?>> present = new ArrayList<>();
        for (String name : METRICS) {
            if (ClassUtils.isPresent(name, Boot.class.getClassLoader())) {
                present.add(ClassUtils.resolveClassName(name, Boot.class.getClassLoader()));
            }
        }
        if (present.size() != 3) {
            throw new IllegalStateException("Spring Boot's metrics auto-configurations not found: " + present);
        }
        return AutoConfigurations.of(present.toArray(new Class<?>[0]));
    }
}
