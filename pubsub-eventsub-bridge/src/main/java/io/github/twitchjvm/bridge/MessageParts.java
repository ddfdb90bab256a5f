package io.github.twitchjvm.bridge;

import java.util.List;

import io.github.twitchjvm.eventsub.event.MessageFragment;
import io.github.twitchjvm.eventsub.event.User;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The parts several families share: a chat message's text and fragments and a chat
 * sender, written the way AutoMod and low-trust PubSub messages carried them.
 */
final class MessageParts {

	private MessageParts() {
	}

	/**
	 * {@code {text, fragments}}. An EventSub emote becomes a PubSub {@code emoticon} and
	 * a mention a {@code user_mention}; a cheermote, which PubSub fragments had no object
	 * for, keeps its text only. PubSub's per-fragment {@code automod} findings and
	 * {@code link}s have no EventSub source and are left out.
	 */
	static ObjectNode content(String text, List<MessageFragment> fragments) {
		ObjectNode content = PubSubJson.text(PubSubJson.object(), "text", text);
		if (!fragments.isEmpty()) {
			ArrayNode array = content.putArray("fragments");
			fragments.forEach((fragment) -> array.add(fragment(fragment)));
		}
		return content;
	}

	private static ObjectNode fragment(MessageFragment fragment) {
		ObjectNode node = PubSubJson.text(PubSubJson.object(), "text", fragment.text());
		MessageFragment.Emote emote = fragment.emote();
		if (emote != null && !emote.id().isEmpty()) {
			ObjectNode emoticon = PubSubJson.text(PubSubJson.object(), "emoticonID", emote.id());
			PubSubJson.text(emoticon, "emoticonSetID", emote.emoteSetId());
			node.set("emoticon", emoticon);
		}
		MessageFragment.Mention mention = fragment.mention();
		if (mention != null && !mention.user().id().isEmpty()) {
			ObjectNode mentioned = PubSubJson.text(PubSubJson.object(), "userID", mention.user().id());
			PubSubJson.text(mentioned, "login", mention.user().login());
			PubSubJson.text(mentioned, "display_name", mention.user().name());
			node.set("user_mention", mentioned);
		}
		return node;
	}

	/**
	 * {@code {user_id, login, display_name}}; the name colour and badges PubSub carried
	 * have no EventSub source here.
	 */
	static ObjectNode sender(User user) {
		ObjectNode sender = PubSubJson.text(PubSubJson.object(), "user_id", user.id());
		PubSubJson.text(sender, "login", user.login());
		return PubSubJson.text(sender, "display_name", user.name());
	}

	/** {@code {id, login, display_name}}, PubSub's {@code TwitchUser}. */
	static ObjectNode twitchUser(@Nullable User user) {
		ObjectNode node = PubSubJson.object();
		if (user != null) {
			PubSubJson.text(node, "id", user.id());
			PubSubJson.text(node, "login", user.login());
			PubSubJson.text(node, "display_name", user.name());
		}
		return node;
	}

	/** The {@code {"type", "data"}} envelope most families use. */
	static String envelope(String type, ObjectNode data) {
		ObjectNode message = PubSubJson.object();
		message.put("type", type);
		message.set("data", data);
		return PubSubJson.write(message);
	}

}
