package io.prmos.engine.events.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where webhooks may be sent. A webhook URL is chosen by a tenant admin but requested by the engine,
 * from inside the operator's network: pointed at loopback, private, link-local (cloud metadata at
 * 169.254.169.254) or other non-public addresses it would let a tenant probe and call internal
 * services. Such targets are refused unless the operator allows them
 * ({@code prm.webhooks.allow-private-targets}, for development and tests).
 *
 * <p>The check runs twice: when a subscription is saved (literal addresses, and names that resolve
 * now) and before every delivery, on the addresses the name resolves to at that moment. The dispatcher
 * then connects to exactly the address that passed ({@link #resolve}), so a name that is re-pointed
 * between the check and the connection (DNS rebinding) cannot slip through.
 */
public final class WebhookTargets {

    /** A target that is not allowed, with the reason. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Resolves host names; a seam so tests can make a name resolve to chosen addresses. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    public WebhookTargets(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    public WebhookTargets(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    /**
     * At registration: why this URL may not be used, if it may not. A name that does not resolve now
     * passes (it may be created later); the delivery check will decide.
     */
    public Optional<String> refusal(URI url) {
        try {
            resolve(url.getHost());
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        } catch (Refused e) {
            return Optional.of(e.getMessage());
        }
    }

    /** At delivery: the address to connect to; every address the host resolves to must be allowed. */
    public InetAddress resolve(String host) throws UnknownHostException, Refused {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = resolver.resolve(bare);
        if (addresses.length == 0) {
            throw new UnknownHostException(bare);
        }
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw new Refused("webhook target " + bare + " is " + address.getHostAddress() + ", a loopback, private, "
                            + "link-local or otherwise non-public address; an operator may allow such targets with "
                            + "prm.webhooks.allow-private-targets=true");
                }
            }
        }
        return addresses[0];
    }

    /** An address on the public internet: not loopback, private, link-local, multicast, reserved or unspecified. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(b);
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7
            }
            if (isZero(b, 0, 10) && (isZero(b, 10, 12) || (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff)) {
                return isPublicV4(Arrays.copyOfRange(b, 12, 16)); // IPv4-compatible ::a.b.c.d and mapped ::ffff:a.b.c.d
            }
            if (first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                return isPublicV4(Arrays.copyOfRange(b, 12, 16)); // NAT64 64:ff9b::/96
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x02) {
                return isPublicV4(Arrays.copyOfRange(b, 2, 6)); // 6to4 2002::/16
            }
            return !(first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8); // documentation
        }
        return false;
    }

    private static boolean isPublicV4(byte[] b) {
        int a = b[0] & 0xff;
        int second = b[1] & 0xff;
        return !(a == 0 || a == 10 || a == 127 || a >= 224                // this network, private, loopback, multicast/reserved
                || a == 100 && second >= 64 && second <= 127               // shared address space (carrier-grade NAT)
                || a == 169 && second == 254                               // link-local, cloud metadata
                || a == 172 && second >= 16 && second <= 31
                || a == 192 && second == 168
                || a == 192 && second == 0 && (b[2] & 0xff) == 0           // IETF protocol assignments
                || a == 198 && (second == 18 || second == 19));            // benchmarking
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
