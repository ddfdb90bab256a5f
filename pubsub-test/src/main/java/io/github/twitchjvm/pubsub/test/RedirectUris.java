package io.github.twitchjvm.pubsub.test;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The rules for OAuth redirect URIs: what may be registered, and where a client with none
 * registered may be sent (loopback only, so that the fake server can never be used to
 * send a browser somewhere else).
 */
final class RedirectUris {

	private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

	private RedirectUris() {
	}

	/**
	 * Parses a redirect URI.
	 * @return the URI, or {@code null} if it is not an absolute {@code http} or
	 * {@code https} URI with a host and without a fragment
	 */
	static @Nullable URI parse(@Nullable String redirectUri) {
		if (redirectUri == null) {
			return null;
		}
		try {
			URI uri = new URI(redirectUri);
			String scheme = uri.getScheme();
			boolean web = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
			return (web && uri.getHost() != null && uri.getRawFragment() == null && uri.getRawUserInfo() == null) ? uri
					: null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	static boolean isLoopback(@Nullable URI uri) {
		return uri != null && LOOPBACK_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT));
	}

}
