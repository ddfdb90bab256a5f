package io.github.twitchjvm.eventsub.event;

import java.util.List;
import java.util.Objects;

import io.github.twitchjvm.jackson.Lists;

/**
 * A message with the positions of its emotes, as the subscription message carries it.
 *
 * @param text the message text
 * @param emotes where each emote appears in the text, never {@code null}
 */
public record EmoteText(String text, List<EmotePosition> emotes) {

	public EmoteText {
		Objects.requireNonNull(text, "text");
		emotes = Lists.copyOf(emotes);
	}

	/**
	 * Where an emote appears in a text.
	 *
	 * @param begin the index of the emote's first character
	 * @param end the index of the emote's last character
	 * @param id the emote id
	 */
	public record EmotePosition(int begin, int end, String id) {

		public EmotePosition {
			Objects.requireNonNull(id, "id");
		}

	}

}
