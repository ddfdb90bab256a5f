package io.github.twitchjvm.core.transport;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Where a client may connect, given that it sends its tokens there: {@code wss://}
 * anywhere; {@code ws://} only to a loopback host ({@code localhost},
 * {@code 127.0.0.0/8}, {@code [::1]}), where nothing travels over a network, unless
 * insecure connections were allowed explicitly; nothing else (another scheme, a relative
 * URI, a URI without a host).
 *
 * <p>
 * Loopback hosts are recognised by name and literal only, never through a DNS lookup: a
 * name that merely resolves to a loopback address is not one (the answer could change
 * between this check and the connection).
 */
public final class EndpointPolicy {

	private EndpointPolicy() {
	}

	/**
	 * Judges a URI.
	 * @param uri the server a client is configured with
	 * @param allowInsecure whether {@code ws://} to any host was allowed explicitly
	 * @return the verdict: {@link Verdict#allowed()} tells whether the client may
	 * connect, {@link Verdict#reason()} why not
	 */
	public static Verdict judge(URI uri, boolean allowInsecure) {
		String scheme = uri.getScheme();
		if (scheme == null || uri.isOpaque()) {
			return Verdict.NOT_ABSOLUTE;
		}
		String lowerScheme = scheme.toLowerCase(Locale.ROOT);
		if (!lowerScheme.equals("wss") && !lowerScheme.equals("ws")) {
			return Verdict.NOT_WEBSOCKET;
		}
		String host = uri.getHost();
		if (host == null || host.isEmpty()) {
			return Verdict.NO_HOST;
		}
		if (lowerScheme.equals("wss")) {
			return Verdict.ENCRYPTED;
		}
		if (isLoopback(host)) {
			return Verdict.LOOPBACK;
		}
		return allowInsecure ? Verdict.INSECURE_ALLOWED : Verdict.INSECURE_REFUSED;
	}

	/**
	 * Whether a host, as {@link URI#getHost()} gives it, is the local machine by name or
	 * literal address, without any lookup: {@code localhost} (any case, with or without
	 * the root's trailing dot), an IPv4 literal in {@code 127.0.0.0/8} written as four
	 * decimal numbers, or the IPv6 loopback literal in brackets (in any of its spellings,
	 * {@code [::1]} or {@code [0:0:0:0:0:0:0:1]}, or the IPv4-mapped form of a 127
	 * address).
	 * @param host the host
	 * @return whether it is the local machine
	 */
	public static boolean isLoopback(@Nullable String host) {
		if (host == null || host.isEmpty()) {
			return false;
		}
		String lower = host.toLowerCase(Locale.ROOT);
		if (lower.equals("localhost") || lower.equals("localhost.")) {
			return true;
		}
		if (lower.startsWith("[") && lower.endsWith("]")) {
			return isIpv6Loopback(lower);
		}
		return isIpv4Loopback(lower);
	}

	/**
	 * A URI as it may be shown in a message or a log: without user information or query,
	 * which could carry credentials.
	 * @param uri the URI
	 * @return its scheme, host, port and path
	 */
	public static String redacted(URI uri) {
		if (uri.isOpaque() || (uri.getRawUserInfo() == null && uri.getRawQuery() == null)) {
			return uri.toString();
		}
		StringBuilder shown = new StringBuilder();
		if (uri.getScheme() != null) {
			shown.append(uri.getScheme()).append("://");
		}
		if (uri.getRawUserInfo() != null) {
			shown.append("***@");
		}
		if (uri.getHost() != null) {
			shown.append(uri.getHost());
		}
		if (uri.getPort() != -1) {
			shown.append(':').append(uri.getPort());
		}
		if (uri.getRawPath() != null) {
			shown.append(uri.getRawPath());
		}
		if (uri.getRawQuery() != null) {
			shown.append("?***");
		}
		return shown.toString();
	}

	/**
	 * Four decimal numbers, the first 127: the only spelling that no resolver reads
	 * differently (shortened or octal forms are left to the secure rule).
	 */
	private static boolean isIpv4Loopback(String host) {
		String[] parts = host.split("\\.", -1);
		if (parts.length != 4) {
			return false;
		}
		for (String part : parts) {
			if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')
					|| !part.chars().allMatch((c) -> c >= '0' && c <= '9') || Integer.parseInt(part) > 255) {
				return false;
			}
		}
		return parts[0].equals("127");
	}

	private static boolean isIpv6Loopback(String bracketed) {
		// A bracketed host is an IPv6 literal or nothing: the JDK parses it without a
		// lookup and refuses it when it is not one.
		if (bracketed.indexOf(':') < 0) {
			return false;
		}
		try {
			return InetAddress.getByName(bracketed).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	/** What {@link #judge(URI, boolean)} found. */
	public enum Verdict {

		/** {@code wss://}: allowed. */
		ENCRYPTED(true, ""),

		/** {@code ws://} to a loopback host: allowed, nothing leaves the machine. */
		LOOPBACK(true, ""),

		/**
		 * {@code ws://} to another host, allowed explicitly: the client connects, and
		 * should say so loudly, since tokens then travel in clear.
		 */
		INSECURE_ALLOWED(true, ""),

		/** {@code ws://} to another host, not allowed. */
		INSECURE_REFUSED(false,
				"ws:// to a host other than localhost, 127.0.0.0/8 or [::1] would send tokens in clear: use wss://."),

		/** A scheme other than {@code ws} and {@code wss}. */
		NOT_WEBSOCKET(false, "It must be a WebSocket URL: wss://, or ws:// to a loopback host such as 127.0.0.1."),

		/** No scheme: a relative URI. */
		NOT_ABSOLUTE(false, "It must be an absolute wss:// URL, such as wss://pubsub-edge.twitch.tv."),

		/** A scheme, but no host. */
		NO_HOST(false, "It must name a host, such as wss://pubsub-edge.twitch.tv.");

		private final boolean allowed;

		private final String reason;

		Verdict(boolean allowed, String reason) {
			this.allowed = allowed;
			this.reason = reason;
		}

		/**
		 * @return whether the client may connect there
		 */
		public boolean allowed() {
			return this.allowed;
		}

		/**
		 * @return why not, and what would work; empty when allowed. For
		 * {@link #INSECURE_REFUSED} a client adds how its users allow insecure
		 * connections.
		 */
		public String reason() {
			return this.reason;
		}

	}

}
