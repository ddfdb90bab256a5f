package io.github.twitchjvm.eventsub.session;

import org.jspecify.annotations.Nullable;

/**
 * A message from the server that is not a usable EventSub frame. Its message never
 * contains the frame's content.
 */
public final class MalformedFrameException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	MalformedFrameException(String message) {
		super(message);
	}

	MalformedFrameException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
