package io.github.twitchjvm.eventsub.event;

import java.util.List;
import java.util.Objects;

import io.github.twitchjvm.jackson.Lists;

/**
 * A chat message as EventSub structures it: the plain text and its ordered fragments
 * (text, cheermotes, emotes, mentions).
 *
 * @param text the message in plain text
 * @param fragments the fragments in order, never {@code null}
 */
public record ChatMessage(String text, List<MessageFragment> fragments) {

	public ChatMessage {
		Objects.requireNonNull(text, "text");
		fragments = Lists.copyOf(fragments);
	}

}
