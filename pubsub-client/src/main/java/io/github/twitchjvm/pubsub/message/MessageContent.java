package io.github.twitchjvm.pubsub.message;

import java.util.List;
import java.util.Objects;

import io.github.twitchjvm.jackson.Lists;

/**
 * The text of a chat message and its fragments (plain text, emotes, mentions, links,
 * AutoMod findings), as AutoMod and low-trust user messages carry it.
 *
 * @param text the whole text
 * @param fragments the text cut into fragments, in order
 */
public record MessageContent(String text, List<MessageFragment> fragments) {

	public MessageContent {
		Objects.requireNonNull(text, "text");
		fragments = Lists.copyOf(fragments);
	}

}
