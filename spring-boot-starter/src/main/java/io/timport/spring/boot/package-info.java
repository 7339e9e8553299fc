/**
 * Spring Boot auto-configuration for timport: the client beans from {@code timport.*} properties
 * ({@link io.timport.spring.boot.TimportProperties}), the generated importers configured in one line
 * ({@link io.timport.spring.boot.TimportImporterConfigurer}), metrics when a {@code MeterRegistry} exists, and the
 * secret key sanitized everywhere Boot shows configuration.
 */
package io.timport.spring.boot;
