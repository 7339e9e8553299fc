package io.timport.auth;

import io.timport.config.AppConfig;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The UserSig of one app admin, generated once and reused until shortly before it expires.
 *
 * <p>{@link #current()} returns the cached sig while {@code now < time + validity - renewalMargin}, and signs a new
 * one from then on (a sig expires when {@code now > time + validity}). The margin absorbs clock skew with the
 * server and the time a call spends in flight. {@link #invalidate()} makes the next {@link #current()} sign a new
 * one: call it after the server answers 70001 (expired) or 70052 (invalidated).
 *
 * <p>Thread-safe; reading a valid sig takes no lock. {@link #toString()} never shows the sig.
 */
public final class UserSigCache {

    /** Default validity of a sig: one day. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(1);
    /** Default renewal margin: a new sig is signed five minutes before the current one expires. */
    public static final Duration DEFAULT_RENEWAL_MARGIN = Duration.ofMinutes(5);

    private static final Logger LOG = System.getLogger(UserSigCache.class.getName());

    private final AppConfig app;
    private final Clock clock;
    private final long validitySeconds;
    private final long marginSeconds;
    private volatile Issued issued;

    /**
     * A cache with {@link #DEFAULT_VALIDITY}, {@link #DEFAULT_RENEWAL_MARGIN} and the system clock.
     *
     * @param app the app whose admin the sigs are for (not null)
     */
    public UserSigCache(AppConfig app) {
        this(app, Clock.systemUTC(), DEFAULT_VALIDITY, DEFAULT_RENEWAL_MARGIN);
    }

    /**
     * A cache for {@code app}'s admin.
     *
     * @param clock the time source (Unix seconds are taken from {@link Clock#instant()})
     * @param validity how long each sig is valid, in whole seconds (at least one second)
     * @param renewalMargin how long before expiry a new sig is signed (zero or more, less than {@code validity})
     * @param app the app whose admin the sigs are for (not null)
     * @throws IllegalArgumentException when validity or margin break their rules
     */
    public UserSigCache(AppConfig app, Clock clock, Duration validity, Duration renewalMargin) {
        this.app = Objects.requireNonNull(app, "app");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(renewalMargin, "renewalMargin");
        if (validity.getSeconds() < 1) {
            throw new IllegalArgumentException("UserSig validity must be at least one second, was " + validity);
        }
        if (renewalMargin.isNegative() || renewalMargin.getSeconds() >= validity.getSeconds()) {
            throw new IllegalArgumentException("UserSig renewal margin must be at least zero and less than the validity ("
                    + validity + "), was " + renewalMargin);
        }
        this.validitySeconds = validity.getSeconds();
        this.marginSeconds = renewalMargin.getSeconds();
    }

    /**
     * The admin's current UserSig, signing a new one when none is cached or the cached one is due for renewal.
     *
     * @return a UserSig valid for at least the renewal margin, never null
     */
    public String current() {
        long now = clock.instant().getEpochSecond();
        Issued sig = issued;
        if (sig != null && now < sig.renewAt) {
            return sig.token;
        }
        return renew(now);
    }

    private synchronized String renew(long now) {
        Issued sig = issued;
        if (sig != null && now < sig.renewAt) {
            return sig.token; // another thread renewed it meanwhile
        }
        String token = UserSig.generate(app.sdkAppId(), app.adminIdentifier(), app.secretKey(), now, validitySeconds);
        Issued fresh = new Issued(token, now, now + validitySeconds - marginSeconds);
        issued = fresh;
        LOG.log(Level.DEBUG, () -> "signed a new UserSig for admin " + app.adminIdentifier() + " of SDKAppID "
                + app.sdkAppId() + ", valid until " + Instant.ofEpochSecond(now + validitySeconds)
                + (sig == null ? "" : " (replacing one issued at " + Instant.ofEpochSecond(sig.time) + ")"));
        return token;
    }

    /**
     * Forgets the cached sig: the next {@link #current()} signs a new one. Sigs have a one-second resolution, so a
     * sig signed within the same second as the forgotten one is identical to it.
     */
    public void invalidate() {
        issued = null;
        LOG.log(Level.DEBUG, () -> "UserSig for admin " + app.adminIdentifier() + " invalidated; the next call signs a new one");
    }

    /**
     * When the cached sig expires, or null when none is cached.
     *
     * @return the expiry of the cached sig, or null when none is cached (before the first call or after {@link
     *     #invalidate()})
     */
    public Instant expiresAt() {
        Issued sig = issued;
        return sig == null ? null : Instant.ofEpochSecond(sig.time + validitySeconds);
    }

    /** Shows the admin, SDKAppID and expiry; never the sig. */
    @Override
    public String toString() {
        return "UserSigCache[sdkAppId=" + app.sdkAppId() + ", admin=" + app.adminIdentifier() + ", expiresAt="
                + expiresAt() + ", usersig=<redacted>]";
    }

    private static final class Issued {
        final String token;
        final long time;
        final long renewAt;

        Issued(String token, long time, long renewAt) {
            this.token = token;
            this.time = time;
            this.renewAt = renewAt;
        }
    }
}
