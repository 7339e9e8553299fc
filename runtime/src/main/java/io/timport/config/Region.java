package io.timport.config;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * The data centres that serve the Chat REST API, each with its domain.
 *
 * <p>An app lives in exactly one data centre, chosen when it was created; calling another one answers 70016 or
 * 70020. Tencent adds data centres from time to time: for one that is not listed here use
 * {@link Endpoint#of(URI)} with its base URI.
 *
 * <table>
 *   <caption>Regions</caption>
 *   <tr><th>constant</th><th>domain</th></tr>
 *   <tr><td>{@link #CHINA}</td><td>console.tim.qq.com</td></tr>
 *   <tr><td>{@link #SINGAPORE}</td><td>adminapisgp.im.qcloud.com</td></tr>
 *   <tr><td>{@link #SEOUL}</td><td>adminapikr.im.qcloud.com</td></tr>
 *   <tr><td>{@link #TOKYO}</td><td>adminapijpn.im.qcloud.com</td></tr>
 *   <tr><td>{@link #FRANKFURT}</td><td>adminapiger.im.qcloud.com</td></tr>
 *   <tr><td>{@link #MUMBAI}</td><td>adminapiind.im.qcloud.com</td></tr>
 *   <tr><td>{@link #SILICON_VALLEY}</td><td>adminapiusa.im.qcloud.com</td></tr>
 *   <tr><td>{@link #JAKARTA}</td><td>adminapiidn.im.qcloud.com</td></tr>
 * </table>
 */
public enum Region {
    /** Chinese mainland. */
    CHINA("China", "console.tim.qq.com"),
    /** Singapore. */
    SINGAPORE("Singapore", "adminapisgp.im.qcloud.com"),
    /** Seoul, Korea. */
    SEOUL("Seoul", "adminapikr.im.qcloud.com"),
    /** Tokyo, Japan. */
    TOKYO("Tokyo", "adminapijpn.im.qcloud.com"),
    /** Frankfurt, Germany. */
    FRANKFURT("Frankfurt", "adminapiger.im.qcloud.com"),
    /** Mumbai, India. */
    MUMBAI("Mumbai", "adminapiind.im.qcloud.com"),
    /** Silicon Valley, USA. */
    SILICON_VALLEY("Silicon Valley", "adminapiusa.im.qcloud.com"),
    /** Jakarta, Indonesia. */
    JAKARTA("Jakarta", "adminapiidn.im.qcloud.com");

    private final String displayName;
    private final String domain;

    Region(String displayName, String domain) {
        this.displayName = displayName;
        this.domain = domain;
    }

    /**
     * The region's name as Tencent's pages write it, e.g. {@code "Silicon Valley"}.
     *
     * @return the display name, never null
     */
    public String displayName() {
        return displayName;
    }

    /**
     * The REST API domain of this data centre, e.g. {@code "adminapisgp.im.qcloud.com"}.
     *
     * @return the domain name, without scheme or path
     */
    public String domain() {
        return domain;
    }

    /**
     * {@code https://<domain>}.
     *
     * @return the base URI of this data centre's REST API
     */
    public URI baseUri() {
        return URI.create("https://" + domain);
    }

    /**
     * The endpoint of this data centre.
     *
     * @return {@link Endpoint#of(Region) Endpoint.of(this)}
     */
    public Endpoint endpoint() {
        return Endpoint.of(this);
    }

    /**
     * Reads a region from configuration text: a constant name in any case, with {@code -} or a space for
     * {@code _} ({@code "singapore"}, {@code "silicon-valley"}, {@code "Silicon Valley"}), or a domain
     * ({@code "adminapisgp.im.qcloud.com"}).
     *
     * @param text a constant name (any case, {@code -} or space for {@code _}) or a domain; surrounding whitespace is
     *     ignored (not null)
     * @return the region the text names
     * @throws IllegalArgumentException naming the text and the accepted names when nothing matches
     */
    public static Region parse(String text) {
        Objects.requireNonNull(text, "region");
        String trimmed = text.trim();
        String constant = trimmed.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Region region : values()) {
            if (region.name().equals(constant) || region.domain.equalsIgnoreCase(trimmed)) {
                return region;
            }
        }
        StringBuilder known = new StringBuilder();
        for (Region region : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(region.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        throw new IllegalArgumentException("unknown region \"" + text + "\": expected one of " + known
                + " or a region's domain; for another data centre give its base URI instead");
    }
}
