package dev.onrush.app.serve;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The hosts and address ranges the service may send load to. Entries: a host name ({@code api.example.com}), a
 * wildcard for its subdomains ({@code *.example.com}), an address ({@code 10.1.2.3}, {@code ::1}) or a CIDR range
 * ({@code 10.0.0.0/8}, {@code fd00::/8}).
 *
 * <p>A URL whose host is an address literal must fall in a listed address or range. A host name is allowed when
 * it is listed (by name or wildcard); otherwise it is resolved and allowed only when every address it resolves to
 * is in a listed range. Because the engine never follows redirects (a 3xx is recorded, not followed), checking the
 * plan's target is enough. The check is made when a plan is accepted and again before each scheduled run; the
 * engine resolves the name again when it connects, so a name listed by range relies on DNS not changing in
 * between (list names you control, or address ranges). Immutable and thread-safe.
 */
public final class TargetAllowList {

    private final List<String> entries;
    private final List<String> names = new ArrayList<>();
    private final List<String> suffixes = new ArrayList<>();
    private final List<Cidr> ranges = new ArrayList<>();

    /**
     * @throws IllegalArgumentException naming the first entry that is neither a host name nor an address or range
     */
    public TargetAllowList(List<String> entries) {
        List<String> kept = new ArrayList<>();
        for (String raw : entries) {
            String e = raw.trim().toLowerCase(Locale.ROOT);
            if (e.isEmpty()) {
                continue;
            }
            kept.add(e);
            if (e.startsWith("*.")) {
                suffixes.add(e.substring(1));
            } else if (e.contains("/") || isAddressLiteral(e)) {
                ranges.add(Cidr.parse(e));
            } else if (e.matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?")) {
                names.add(e);
            } else {
                throw new IllegalArgumentException("allowed target \"" + raw
                        + "\" is neither a host name, *.domain, an address nor a CIDR range");
            }
        }
        this.entries = List.copyOf(kept);
    }

    /** The entries as configured (trimmed, lower case). */
    public List<String> entries() {
        return entries;
    }

    /**
     * Why {@code url} may not be targeted, or empty when it may.
     *
     * @param what names the URL in the reason, e.g. {@code target.url}
     */
    public Optional<String> refusal(URI url, String what) {
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            return Optional.of(what + " \"" + url + "\" has no host");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (entries.isEmpty()) {
            return Optional.of(what + " host \"" + host + "\" is not allowed: the target allow-list is empty "
                    + "(set onrush.serve.allowed-targets)");
        }
        boolean literal = isAddressLiteral(host);
        if (!literal && (names.contains(host) || suffixes.stream().anyMatch(host::endsWith))) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of(what + " host \"" + host + "\" cannot be resolved, so it cannot be checked against "
                    + "the allow-list " + entries);
        }
        for (InetAddress a : addresses) {
            if (ranges.stream().noneMatch(r -> r.contains(a))) {
                return Optional.of(what + " host \"" + host + "\"" + (literal ? "" : " (" + a.getHostAddress() + ")")
                        + " is not in the target allow-list " + entries);
            }
        }
        return Optional.empty();
    }

    static boolean isAddressLiteral(String host) {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (host.contains(":") && host.matches("[0-9a-f:.]+"));
    }

    /** An address range; an address alone is a range of one. */
    private record Cidr(byte[] network, int prefixBits) {

        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            String addr = slash < 0 ? text : text.substring(0, slash);
            if (!isAddressLiteral(addr)) {
                throw new IllegalArgumentException("allowed target \"" + text + "\": \"" + addr + "\" is not an address");
            }
            byte[] bytes;
            try {
                bytes = InetAddress.getByName(addr).getAddress(); // a literal: no lookup happens
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("allowed target \"" + text + "\": " + e.getMessage(), e);
            }
            int bits = bytes.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > bytes.length * 8) {
                    throw new IllegalArgumentException("allowed target \"" + text + "\": the prefix must be 0-"
                            + bytes.length * 8);
                }
            }
            return new Cidr(bytes, bits);
        }

        boolean contains(InetAddress a) {
            byte[] b = a.getAddress();
            if (b.length != network.length) {
                return false;
            }
            int full = prefixBits / 8;
            for (int i = 0; i < full; i++) {
                if (b[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (b[full] & mask) == (network[full] & mask);
        }
    }
}
