/**
 * The pace of the calls: every call takes a permit from a {@link io.timport.limit.RateLimiter}. timport's own is
 * {@link io.timport.limit.SmoothRateLimiter}; {@link io.timport.limit.RateLimiterRegistry} shares one per app and
 * API in a JVM, 2 % under the API's documented limit. Several processes calling for one app must share its rate
 * (give each its share, or plug in a distributed limiter).
 */
package io.timport.limit;
