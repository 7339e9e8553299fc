package io.timport.spring.boot;

import io.timport.call.ChatClient;

/**
 * Adjusts the builder of the auto-configured {@link ChatClient} (the transport behind the {@code FriendImportClient},
 * {@code AccountClient} and {@code FriendReadClient} beans) after the {@code timport.*} properties are applied: for
 * example a distributed {@code RateLimiter} for an API ({@code builder.rateLimiter(ChatApi.FRIEND_IMPORT, limiter)}),
 * an executor, or a clock. Beans of this type are applied in their {@code @Order}.
 */
@FunctionalInterface
public interface TimportClientCustomizer {

    /**
     * Changes the builder.
     *
     * @param builder the builder of the application's client, with the properties already applied
     */
    void customize(ChatClient.Builder builder);
}
