package io.timport.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the REST API is: a base URI such as {@code https://adminapisgp.im.qcloud.com}, to which API paths such as
 * {@code v4/sns/friend_import} are appended.
 *
 * <p>The rule: {@code https} always, except that plain {@code http} is accepted for a loopback host
 * ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}) so that tests and the embedded simulator need no
 * certificates. The base URI may carry a path prefix ({@code http://127.0.0.1:8080/chat}) but no query, fragment
 * or user info. Certificates of {@code https} endpoints are always verified with the JVM's default trust store.
 *
 * <p>An endpoint holds no secret: its {@link #toString()} is the base URI.
 */
public final class Endpoint {

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final URI baseUri;
    private final boolean loopback;

    private Endpoint(URI baseUri, boolean loopback) {
        this.baseUri = baseUri;
        this.loopback = loopback;
    }

    /**
     * The endpoint of a data centre: {@code https://<region domain>}.
     *
     * @param region the app's data centre (not null)
     * @return the endpoint {@code https://<region domain>}, never null
     */
    public static Endpoint of(Region region) {
        Objects.requireNonNull(region, "region");
        return new Endpoint(region.baseUri(), false);
    }

    /**
     * An explicit base URI.
     *
     * @param baseUri the base URI: {@code https} (or {@code http} to a loopback host), with a host and an optional
     *     path, without query, fragment or user info (not null)
     * @return the endpoint, with the scheme in lower case and any trailing slash removed
     * @throws IllegalArgumentException when the URI is not {@code https} (or {@code http} to a loopback host), has
     *     no host, or carries a query, a fragment or user info; the message names the URI and the rule
     */
    public static Endpoint of(URI baseUri) {
        Objects.requireNonNull(baseUri, "baseUri");
        String text = baseUri.toString();
        if (!baseUri.isAbsolute() || baseUri.isOpaque()) {
            throw invalid(text, "must be an absolute http(s) URI such as https://adminapisgp.im.qcloud.com");
        }
        String scheme = baseUri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw invalid(text, "scheme must be https (or http for a loopback host), not " + baseUri.getScheme());
        }
        String host = baseUri.getHost();
        if (host == null || host.isEmpty()) {
            throw invalid(text, "has no host");
        }
        if (baseUri.getRawUserInfo() != null) {
            throw invalid(text, "must not carry user info");
        }
        if (baseUri.getPort() > 65535) {
            throw invalid(text, "has port " + baseUri.getPort() + ": a TCP port is 1 to 65535");
        }
        if (baseUri.getPort() == 0) {
            throw invalid(text, "has port 0: a TCP port is 1 to 65535");
        }
        if (baseUri.getRawQuery() != null || baseUri.getRawFragment() != null) {
            throw invalid(text, "must not carry a query or a fragment: the client adds the query parameters itself");
        }
        boolean loopback = isLoopbackHost(host);
        if (scheme.equals("http") && !loopback) {
            throw invalid(text, "plain http is only allowed to a loopback host (localhost, 127.0.0.0/8, ::1); use https://"
                    + host + " instead");
        }
        String path = baseUri.getRawPath() == null ? "" : baseUri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        try {
            URI normalized = new URI(scheme + "://" + baseUri.getRawAuthority() + path);
            return new Endpoint(normalized, loopback);
        } catch (URISyntaxException e) {
            throw invalid(text, "is not a valid URI: " + e.getMessage());
        }
    }

    /**
     * Reads an endpoint from configuration text: a region as {@link Region#parse} accepts it, or a base URI.
     *
     * @param text a region name or domain, or an absolute {@code http(s)} base URI; surrounding whitespace is ignored
     *     (not null)
     * @return the endpoint the text names
     * @throws IllegalArgumentException naming the text and what was expected
     */
    public static Endpoint parse(String text) {
        Objects.requireNonNull(text, "endpoint");
        String trimmed = text.trim();
        if (trimmed.contains("://")) {
            try {
                return of(new URI(trimmed));
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("endpoint \"" + text + "\" is not a valid URI: " + e.getMessage(), e);
            }
        }
        return of(Region.parse(trimmed));
    }

    /**
     * The base URI, without a trailing slash, e.g. {@code https://adminapisgp.im.qcloud.com}.
     *
     * @return the base URI: scheme, authority and optional path, never ending in {@code /}
     */
    public URI baseUri() {
        return baseUri;
    }

    /**
     * True when the host is a loopback host (plain http allowed).
     *
     * @return true when the host is {@code localhost}, in {@code 127.0.0.0/8} or {@code ::1}
     */
    public boolean isLoopback() {
        return loopback;
    }

    /**
     * The URI of an API path, without query: {@code apiPath("v4/sns/friend_import")} gives
     * {@code https://adminapisgp.im.qcloud.com/v4/sns/friend_import}.
     *
     * @param apiPath the API's path, such as {@code "v4/sns/friend_import"}, with or without a leading {@code /} (not
     *     null)
     * @return the absolute URL of the API, without query parameters
     */
    public String apiUrl(String apiPath) {
        Objects.requireNonNull(apiPath, "apiPath");
        String path = apiPath.startsWith("/") ? apiPath.substring(1) : apiPath;
        return baseUri + "/" + path;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Endpoint && ((Endpoint) o).baseUri.equals(baseUri);
    }

    @Override
    public int hashCode() {
        return baseUri.hashCode();
    }

    /** The base URI. */
    @Override
    public String toString() {
        return baseUri.toString();
    }

    /**
     * True for {@code localhost} and for IP literals in the loopback range. Host names other than {@code localhost}
     * are never resolved here: a name is not trusted to be loopback.
     */
    static boolean isLoopbackHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.equals("localhost.")) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            String literal = h.substring(1, h.length() - 1);
            if (literal.indexOf(':') < 0) {
                return false;
            }
            try {
                // A string with ':' is parsed as an IPv6 literal; InetAddress never looks it up by name.
                return InetAddress.getByName(literal).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        if (!IPV4_LITERAL.matcher(h).matches()) {
            return false;
        }
        String[] octets = h.split("\\.");
        for (String octet : octets) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return Integer.parseInt(octets[0]) == 127;
    }

    private static IllegalArgumentException invalid(String uri, String rule) {
        return new IllegalArgumentException("endpoint \"" + uri + "\" " + rule);
    }
}
