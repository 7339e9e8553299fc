/**
 * Where your app lives and who calls it: {@link io.timport.config.AppConfig} (SDKAppID, an admin identifier, the
 * secret key, the endpoint), {@link io.timport.config.Region} and {@link io.timport.config.Endpoint} (the data
 * centres; plain {@code http} only to loopback), {@link io.timport.config.SecretKey} (never printed) and
 * {@link io.timport.config.Timeouts}.
 */
package io.timport.config;
