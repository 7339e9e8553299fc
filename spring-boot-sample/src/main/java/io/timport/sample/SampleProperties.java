package io.timport.sample;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sample's own settings ({@code sample.*}): the size of the friend graph it imports at startup, and the
 * simulator that stands in for Tencent Cloud Chat.
 *
 * @param players how many players the generated graph has
 * @param friendsPerPlayer how many friends each player gets
 * @param simulator the embedded simulator
 */
@ConfigurationProperties("sample")
public record SampleProperties(int players, int friendsPerPlayer, Simulator simulator) {

    /**
     * @param enabled start the embedded Chat simulator and point {@code timport.endpoint} at it
     * @param rate the calls per second the simulator admits, like Tencent's limit of 200
     */
    public record Simulator(boolean enabled, int rate) {
    }
}
