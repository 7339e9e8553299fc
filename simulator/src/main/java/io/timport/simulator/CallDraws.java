package io.timport.simulator;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The random draws of one call: its request-level fault (if any), its added latency and, item by item,
 * whether an item fault hits. The draws of the {@code n}-th call holding a {@code From_Account} are a pure
 * function of (seed, From_Account, n), so runs repeat however calls for different accounts interleave.
 * Every draw is always made, in a fixed order, so one probability never shifts another's sequence.
 */
final class CallDraws {

    /** Request-level faults in the order they are tried. */
    private static final Fault[] REQUEST_FAULTS = {
        Fault.DROPPED_CONNECTION, Fault.HTTP_502, Fault.REQUEST_30006, Fault.REQUEST_30007, Fault.APPLIED_THEN_30007,
    };

    final Fault requestFault;
    final long latencyNanos;
    private final SplittableRandom random;
    private final double itemFaultProbability;
    private final SplittableRandom lossRandom;
    private final double silentLossProbability;

    CallDraws(SimulatorConfig config, String fromAccount, long n) {
        this.random = new SplittableRandom(seed(config.faultSeed(), fromAccount, n));
        Fault chosen = null;
        for (Fault f : REQUEST_FAULTS) {
            double u = random.nextDouble();
            if (chosen == null && u < config.faultProbability(f)) {
                chosen = f;
            }
        }
        this.requestFault = chosen;
        long base = config.latency().toNanos();
        long jitter = config.latencyJitter().toNanos();
        double u = random.nextDouble();
        this.latencyNanos = base + (jitter == 0 ? 0 : (long) (u * (jitter + 1)));
        this.itemFaultProbability = config.faultProbability(Fault.ITEM_30006);
        this.silentLossProbability = config.silentLossProbability();
        this.lossRandom = silentLossProbability == 0 ? null
                : new SplittableRandom(seed(config.faultSeed() ^ SILENT_LOSS_SALT, fromAccount, n));
    }

    /** Salts the silent-loss sequence, so that it is independent of the other draws. */
    private static final long SILENT_LOSS_SALT = 0x5111E7105_5EEDL;

    /**
     * The added latency of the {@code n}-th call of an API other than friend_import ({@code key} names the API):
     * base + uniform 0..jitter, from the seed, the key and {@code n} alone.
     */
    static long latencyNanos(SimulatorConfig config, String key, long n) {
        long base = config.latency().toNanos();
        long jitter = config.latencyJitter().toNanos();
        if (jitter == 0) {
            return base;
        }
        return base + (long) (new SplittableRandom(seed(config.faultSeed(), key, n)).nextDouble() * (jitter + 1));
    }

    /** The next stored item's silent-loss draw: true if it is answered 0 but not stored. */
    boolean nextSilentLoss() {
        return lossRandom != null && lossRandom.nextDouble() < silentLossProbability;
    }

    /** The next item's draw: true if that item gets an injected 30006. */
    boolean nextItemFault() {
        return random.nextDouble() < itemFaultProbability;
    }

    static long seed(long seed, String fromAccount, long n) {
        long h = 0xcbf29ce484222325L;
        for (byte b : fromAccount.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix64(mix64(seed) ^ mix64(h + 0x9E3779B97F4A7C15L) ^ mix64(n * 0xD1B54A32D192ED03L + 1));
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
