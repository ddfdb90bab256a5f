package io.github.twitchjvm.pubsub.autoconfigure;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Where the client may send its tokens, checked when {@code twitch.pubsub.url} is bound:
 * {@code wss://} anywhere, {@code ws://} only to a loopback address (the fake server on
 * this machine) unless {@code allow-insecure} is set, nothing else. Every LISTEN carries
 * a token, so a URL that is not encrypted, or not WebSocket at all, is a mistake to stop
 * at startup rather than a connection that fails or leaks later. Host names other than
 * {@code localhost} are not resolved: what a name resolves to can change, and a check
 * must not wait for DNS.
 */
final class ServerUrlRule {

	private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private ServerUrlRule() {
	}

	/**
	 * Why the URL cannot be used, naming the properties that would fix it.
	 * @param url the server's URL
	 * @param allowInsecure whether {@code ws://} may go to any host
	 * @return the reason, or {@code null} when the URL is fine
	 */
	static @Nullable String problem(URI url, boolean allowInsecure) {
		String scheme = url.getScheme();
		if (scheme == null || url.getHost() == null) {
			return "It must be an absolute WebSocket URL with a host, such as wss://pubsub-edge.twitch.tv.";
		}
		String lowerScheme = scheme.toLowerCase(Locale.ROOT);
		if (lowerScheme.equals("wss")) {
			return null;
		}
		if (!lowerScheme.equals("ws")) {
			return "It must be a wss:// URL (or ws:// to a loopback address such as 127.0.0.1): the client speaks "
					+ "WebSocket and sends a token on every LISTEN.";
		}
		if (allowInsecure || isLoopback(url.getHost())) {
			return null;
		}
		return "ws:// sends the access token unencrypted, so it is allowed only to a loopback address (127.0.0.1, "
				+ "::1, localhost). Use wss://, or set " + PubSubProperties.PREFIX
				+ ".allow-insecure=true for a test server on another machine.";
	}

	private static boolean isLoopback(String host) {
		if (host.equalsIgnoreCase("localhost")) {
			return true;
		}
		if (IPV4_LITERAL.matcher(host).matches()) {
			// 127.0.0.0/8; parsed here because InetAddress would look up a malformed
			// literal such as 127.0.0.300 as a name.
			String[] octets = host.split("\\.");
			for (String octet : octets) {
				if (Integer.parseInt(octet) > 255) {
					return false;
				}
			}
			return octets[0].equals("127");
		}
		if (host.startsWith("[")) {
			try {
				// In brackets, only an IPv6 literal is accepted: nothing is looked up.
				return InetAddress.getByName(host).isLoopbackAddress();
			}
			catch (UnknownHostException ex) {
				return false;
			}
		}
		return false;
	}

}
