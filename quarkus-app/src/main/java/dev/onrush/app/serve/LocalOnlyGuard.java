package dev.onrush.app.serve;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the service accepts from a browser when it runs {@code --insecure-local-only} (no token): with nothing to
 * authenticate a caller, any web page open in a local browser could otherwise reach it. Three checks close the
 * ways a page has:
 * <ul>
 *   <li>{@code Host} must be a loopback name or address ({@code localhost}, {@code 127.x.x.x}, {@code [::1]}) with
 *       the port the request came in on: a page on a host name that its DNS re-points at 127.0.0.1 (DNS rebinding)
 *       sends its own name;</li>
 *   <li>{@code Origin}, when sent, must be {@code http://} such a loopback host with that port: a cross-site
 *       {@code fetch}/form sends the page's origin ({@code null} from sandboxed frames and files);</li>
 *   <li>a state-changing request ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) must not have a
 *       content type a page may send without a CORS preflight ({@code text/plain},
 *       {@code application/x-www-form-urlencoded}, {@code multipart/form-data}), and one with a body must say its
 *       type: 415.</li>
 * </ul>
 * Clients that are not browsers (curl, scripts) send a loopback {@code Host}, no {@code Origin}, and
 * {@code application/yaml} or {@code application/json}. Immutable and thread-safe.
 */
final class LocalOnlyGuard {

    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> SIMPLE_TYPES = Set.of("text/plain", "application/x-www-form-urlencoded",
            "multipart/form-data");

    private LocalOnlyGuard() {
    }

    /**
     * Why the request may not be served, or empty when it may.
     *
     * @param method      the HTTP method
     * @param host        the {@code Host} header, or {@code null}
     * @param origin      the {@code Origin} header, or {@code null}
     * @param contentType the {@code Content-Type} header, or {@code null}
     * @param hasBody     whether the request has a body ({@code Content-Length} above 0 or chunked)
     * @param localPort   the port the request came in on
     */
    static Optional<ApiException> refusal(String method, String host, String origin, String contentType,
                                          boolean hasBody, int localPort) {
        if (host == null || !isLocal(host, localPort)) {
            return Optional.of(new ApiException(403, "host_not_local", "Host \"" + host + "\" is not a loopback "
                    + "name or address with port " + localPort + "; a service without a token "
                    + "(--insecure-local-only) answers only requests addressed to localhost:" + localPort));
        }
        if (origin != null && !isLocalOrigin(origin, localPort)) {
            return Optional.of(new ApiException(403, "cross_site_refused", "Origin \"" + origin + "\" is not "
                    + "http://localhost:" + localPort + " (or 127.0.0.1/[::1]): a service without a token "
                    + "(--insecure-local-only) refuses requests from web pages of other sites"));
        }
        if (STATE_CHANGING.contains(method.toUpperCase(Locale.ROOT))) {
            String type = contentType == null ? null
                    : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            if (type != null && SIMPLE_TYPES.contains(type) || type == null && hasBody) {
                return Optional.of(new ApiException(415, "unsupported_media_type", "Content-Type "
                        + (type == null ? "missing" : "\"" + type + "\"") + " is refused for " + method
                        + " on a service without a token (--insecure-local-only), as any web page could send it; "
                        + "send application/yaml or application/json"));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code authority} ({@code host[:port]}) names a loopback host with {@code port}. */
    static boolean isLocal(String authority, int port) {
        String a = authority.trim().toLowerCase(Locale.ROOT);
        String hostPart;
        String portPart;
        if (a.startsWith("[")) {
            int close = a.indexOf(']');
            if (close < 0) {
                return false;
            }
            hostPart = a.substring(1, close);
            portPart = a.substring(close + 1);
        } else {
            int colon = a.lastIndexOf(':');
            hostPart = colon < 0 ? a : a.substring(0, colon);
            portPart = colon < 0 ? "" : a.substring(colon);
        }
        int given = portPart.isEmpty() ? 80 : portPart.startsWith(":") ? parsePort(portPart.substring(1)) : -1;
        return given == port && isLoopbackName(hostPart);
    }

    private static boolean isLocalOrigin(String origin, int port) {
        URI uri;
        try {
            uri = new URI(origin.trim());
        } catch (URISyntaxException e) {
            return false;
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getRawAuthority() == null || uri.getRawPath() != null
                && !uri.getRawPath().isEmpty() || uri.getUserInfo() != null) {
            return false;
        }
        return isLocal(uri.getRawAuthority(), port);
    }

    private static boolean isLoopbackName(String host) {
        return host.equals("localhost") || host.equals("::1")
                || host.matches("127\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){2}");
    }

    private static int parsePort(String digits) {
        if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(digits);
    }
}
