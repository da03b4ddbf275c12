package io.silkgate.gateway.http;

import io.silkgate.gateway.config.RateLimit;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Counts failed authentications per client address so that API keys cannot be guessed at speed: each address has
 * a token bucket of {@code gateway.auth-failure-limit} that only failures drain; an address whose bucket is empty
 * is turned away before its credentials are even looked at. Successful requests cost nothing.
 *
 * <p>An IPv6 client is counted by its /64 network, since one host commonly owns a whole /64. The table holds at
 * most {@code maxAddresses} entries and forgets the least recently active one first: a spray of source addresses
 * cannot grow it, and an address still trying stays at the recent end.
 */
public final class AuthFailureThrottle {

    /** Enough for every client of a busy gateway to fail at once; about 1.5 MB when full. */
    public static final int DEFAULT_MAX_ADDRESSES = 10_000;

    private final RateLimit limit;
    private final LongSupplier nanoTime;
    private final Map<String, TokenBucket> byAddress;

    public AuthFailureThrottle(RateLimit limit) {
        this(limit, DEFAULT_MAX_ADDRESSES, System::nanoTime);
    }

    /** With a table size and a clock of its own, so that tests decide when time passes. */
    AuthFailureThrottle(RateLimit limit, int maxAddresses, LongSupplier nanoTime) {
        this.limit = limit;
        this.nanoTime = nanoTime;
        this.byAddress = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TokenBucket> eldest) {
                return size() > maxAddresses;
            }
        };
    }

    /** Zero if the address may try to authenticate; otherwise how long it has to wait. Records nothing. */
    public Duration retryAfter(String address) {
        if (limit.unlimited() || address == null) {
            return Duration.ZERO;
        }
        TokenBucket bucket;
        synchronized (byAddress) {
            bucket = byAddress.get(keyOf(address));
        }
        return bucket == null ? Duration.ZERO : bucket.waitAt(nanoTime.getAsLong());
    }

    /** Counts one failed authentication from the address. */
    public void failed(String address) {
        if (limit.unlimited() || address == null) {
            return;
        }
        long now = nanoTime.getAsLong();
        TokenBucket bucket;
        synchronized (byAddress) {
            bucket = byAddress.computeIfAbsent(keyOf(address), a -> new TokenBucket(limit, now));
        }
        bucket.take(now);
    }

    /** How many addresses are remembered now. */
    int size() {
        synchronized (byAddress) {
            return byAddress.size();
        }
    }

    /** The address itself, or for IPv6 its /64 network. */
    static String keyOf(String address) {
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            // a literal with a colon is never looked up in DNS
            InetAddress ip = InetAddress.getByName(address.startsWith("[") ? address.substring(1,
                    address.length() - 1) : address);
            if (ip instanceof Inet6Address) {
                byte[] network = Arrays.copyOf(ip.getAddress(), 16);
                Arrays.fill(network, 8, 16, (byte) 0);
                return InetAddress.getByAddress(network).getHostAddress() + "/64";
            }
            return ip.getHostAddress();
        } catch (UnknownHostException | RuntimeException e) {
            return address;
        }
    }
}
