package io.github.twitchjvm.pubsub.message;

import java.util.List;

/**
 * The text of a chat message and its fragments (plain text, emotes, mentions, links, AutoMod findings), as
 * AutoMod and low-trust user messages carry it.
 *
 * @param text the whole text
 * @param fragments the text cut into fragments, in order
 */
public record MessageContent(String text, List<MessageFragment> fragments) {

	public MessageContent {
		fragments = Lists.copyOf(fragments);
	}

}
