package io.timport.spring.boot;

import io.timport.call.FriendImportClient;

/**
 * Adjusts the builder of the auto-configured {@link FriendImportClient} after the {@code timport.*} properties are
 * applied: for example a distributed {@code RateLimiter}, an executor, or a clock. Beans of this type are applied in
 * their {@code @Order}.
 */
@FunctionalInterface
public interface TimportClientCustomizer {

    /** Changes the builder. */
    void customize(FriendImportClient.Builder builder);
}
