package io.github.twitchjvm.eventsub.event;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * {@code user.whisper.message} version 1: a user received a whisper. Replaces PubSub's
 * {@code whispers} topic; sent whispers are not delivered.
 *
 * @param from the sender
 * @param to the receiver (the subscribing user)
 * @param whisperId the whisper id
 * @param whisper the whisper's content
 */
public record WhisperReceivedEvent(@JsonUnwrapped(prefix = "from_user_") User from,
		@JsonUnwrapped(prefix = "to_user_") User to, String whisperId, Whisper whisper) implements EventSubEvent {

	public WhisperReceivedEvent {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(whisperId, "whisperId");
		Objects.requireNonNull(whisper, "whisper");
	}

	/**
	 * The content of a whisper.
	 *
	 * @param text the body of the whisper
	 */
	public record Whisper(String text) {

		public Whisper {
			Objects.requireNonNull(text, "text");
		}

	}

}
