package io.github.twitchjvm.pubsub.test.eventsub;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * A Helix request refused: answered with the status and Twitch's error body carrying the
 * message.
 */
final class HelixException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient HttpResponseStatus status;

	HelixException(HttpResponseStatus status, String message) {
		super(message, null, false, false);
		this.status = status;
	}

	HttpResponseStatus status() {
		return this.status;
	}

	static HelixException badRequest(String message) {
		return new HelixException(HttpResponseStatus.BAD_REQUEST, message);
	}

}
