package io.github.twitchjvm.core.transport;

import java.io.IOException;

import io.github.twitchjvm.core.log.LogText;

/**
 * The server answered the WebSocket handshake with a redirect, which no transport of this
 * project follows: the client would otherwise send its requests, tokens included, to a
 * host nobody configured, or over a connection no longer encrypted. The connection
 * attempt fails with this exception (as the cause of the failed future).
 */
public final class RedirectNotFollowedException extends IOException {

	private static final long serialVersionUID = 1L;

	private final int status;

	private final String location;

	/**
	 * Creates the exception.
	 * @param status the HTTP status the server answered, such as 302, or 0 when the
	 * WebSocket library does not tell
	 * @param location the {@code Location} the server named, as it sent it (made safe to
	 * log here)
	 */
	public RedirectNotFollowedException(int status, String location) {
		super(message(status, location));
		this.status = status;
		this.location = LogText.safe(location);
	}

	/**
	 * @return the HTTP status the server answered, or 0 when the WebSocket library does
	 * not tell
	 */
	public int status() {
		return this.status;
	}

	/**
	 * @return where the server redirected to, with control characters escaped and cut to
	 * a loggable length
	 */
	public String location() {
		return this.location;
	}

	private static String message(int status, String location) {
		String answer = (status > 0) ? "server answered " + status + " redirect" : "server answered a redirect";
		return answer + " to " + LogText.safe(location) + "; redirects are not followed";
	}

}
