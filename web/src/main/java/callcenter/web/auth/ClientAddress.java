package callcenter.web.auth;

import java.util.Set;

/**
 * The client's address for the per-address login limit: the connection's peer, unless that peer is one of the
 * configured trusted proxies (CALLCENTER_TRUSTED_PROXIES), in which case {@code X-Forwarded-For} is read from the
 * right, skipping the trusted proxies, and the first other address is the client's. A header from anyone else is
 * ignored: a client could otherwise pick a fresh address for every guess.
 */
final class ClientAddress {

    private static final int MAX_ADDRESS = 64;

    private ClientAddress() {
    }

    static String of(String peer, String forwardedFor, Set<String> trustedProxies) {
        if (peer == null || forwardedFor == null || !trustedProxies.contains(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (hop.isEmpty() || hop.length() > MAX_ADDRESS) {
                return peer; // a malformed header: the proxy itself is all that is known
            }
            if (!trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }
}
