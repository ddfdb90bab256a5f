package io.github.twitchjvm.pubsub.test;

import java.net.InetAddress;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The names an HTTP request's {@code Host} header may carry. A web page that rebinds its
 * own DNS name to {@code 127.0.0.1} reaches the server with that name in {@code Host}, so
 * only names that cannot be rebound are accepted: {@code localhost}, {@code 127.0.0.1},
 * {@code [::1]}, the address the server is bound to, and names the operator allowed. On a
 * wildcard address ({@code 0.0.0.0}, {@code ::}) any IP address is accepted too: a page
 * whose origin is an IP address was served by that address, never rebound to it. The port
 * is not compared, since port forwarding changes it.
 */
final class AllowedHosts {

	private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+\\]");

	private final Set<String> names;

	private final boolean anyAddress;

	private AllowedHosts(Set<String> names, boolean anyAddress) {
		this.names = Set.copyOf(names);
		this.anyAddress = anyAddress;
	}

	/**
	 * The names for a server bound to an address.
	 * @param bindHost the host setting, as the operator wrote it
	 * @param bound the address the server is bound to
	 * @param allowed further names the operator allowed
	 */
	static AllowedHosts of(String bindHost, InetAddress bound, Collection<String> allowed) {
		Set<String> names = new HashSet<>(LOOPBACK);
		if (!bound.isAnyLocalAddress()) {
			names.add(normalise(bindHost.contains(":") && !bindHost.startsWith("[") ? "[" + bindHost + "]" : bindHost));
		}
		allowed.forEach((name) -> names.add(normalise(name)));
		return new AllowedHosts(names, bound.isAnyLocalAddress());
	}

	/**
	 * Whether a request with this {@code Host} header may be answered. A request without
	 * one does not come from a browser, which always sends it.
	 * @param host the header, with or without a port
	 */
	boolean allow(@Nullable String host) {
		if (host == null) {
			return true;
		}
		String name = normalise(withoutPort(host.trim()));
		return this.names.contains(name)
				|| (this.anyAddress && (IPV4.matcher(name).matches() || IPV6.matcher(name).matches()));
	}

	/** The accepted names, for an error message. */
	String describe() {
		return String.join(", ", this.names.stream().sorted().toList())
				+ (this.anyAddress ? " and any IP address" : "");
	}

	private static String withoutPort(String host) {
		if (host.startsWith("[")) {
			int end = host.indexOf(']');
			return (end < 0) ? host : host.substring(0, end + 1);
		}
		int colon = host.indexOf(':');
		return (colon < 0) ? host : host.substring(0, colon);
	}

	/** Host names compare without case and without a final dot ({@code localhost.}). */
	private static String normalise(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
	}

}
