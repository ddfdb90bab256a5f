package io.github.twitchjvm.pubsub.topic;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * A Twitch PubSub topic: the string a client LISTENs to and a MESSAGE frame names.
 *
 * <p>
 * A topic is either <em>documented</em>, with a {@link TopicType} and validated numeric
 * ids ({@link #parse(String)}, {@link #of(TopicType, String...)}), or
 * <em>undocumented</em>: any other non-empty string, kept as it is, for topics Twitch
 * never documented ({@link #undocumented(String)}).
 *
 * <pre>{@code
 * Topic whispers = Topic.parse("whispers.44322889");
 * whispers.type();          // TopicType.WHISPERS
 * whispers.ids();           // ["44322889"]
 * Topic automod = TopicType.AUTOMOD_QUEUE.topic("1234", "5678");
 * automod.value();          // "automod-queue.1234.5678"
 * }</pre>
 *
 * Two topics are equal when their strings are equal and both are documented or both
 * undocumented.
 */
public final class Topic {

	private final String value;

	private final @Nullable TopicType type;

	private final List<String> ids;

	private Topic(String value, @Nullable TopicType type, List<String> ids) {
		this.value = value;
		this.type = type;
		this.ids = ids;
	}

	/**
	 * Parses a documented topic string such as {@code "whispers.44322889"} or
	 * {@code "chat_moderator_actions.1234.5678"}.
	 * @param value the topic string
	 * @return the topic
	 * @throws InvalidTopicException if the family is unknown, the number of ids is wrong,
	 * or an id is empty or not numeric; the message shows the expected form
	 */
	public static Topic parse(String value) {
		if (value == null || value.isEmpty()) {
			throw new InvalidTopicException(
					"A topic must not be empty. Expected a form such as " + TopicType.WHISPERS.expectedForm() + ".");
		}
		int firstDot = value.indexOf('.');
		String prefix = (firstDot < 0) ? value : value.substring(0, firstDot);
		TopicType type = TopicType.forPrefix(prefix);
		if (type == null) {
			throw new InvalidTopicException(
					"Unknown topic family '" + prefix + "' in topic '" + value + "'. Documented families: "
							+ documentedForms() + ". Use an undocumented topic to listen to anything else.");
		}
		if (firstDot < 0) {
			throw new InvalidTopicException("Topic '" + value + "' has no ids. Expected " + type.expectedForm() + ".");
		}
		String[] ids = value.substring(firstDot + 1).split("\\.", -1);
		return create(type, ids, value);
	}

	/**
	 * Builds a documented topic from its family and ids.
	 * @param type the family
	 * @param ids the ids in the family's order ({@link TopicType#idNames()})
	 * @return the topic
	 * @throws InvalidTopicException if the number of ids is wrong or an id is empty or
	 * not numeric
	 */
	public static Topic of(TopicType type, String... ids) {
		if (type == null) {
			throw new InvalidTopicException("A documented topic needs a topic type");
		}
		if (ids == null) {
			throw new InvalidTopicException("Topic ids must not be null. Expected " + type.expectedForm() + ".");
		}
		String value = type.prefix() + Arrays.stream(ids).map(id -> "." + id).collect(Collectors.joining());
		return create(type, ids, value);
	}

	/**
	 * Wraps a topic Twitch never documented, such as
	 * {@code "video-playback-by-id.44322889"}, without validating its parts. If the
	 * string happens to be a valid documented topic it is still undocumented here: it is
	 * delivered raw, not decoded.
	 * @param value the topic string, sent to the server as it is
	 * @return the topic
	 * @throws InvalidTopicException if the string is empty or contains whitespace
	 */
	public static Topic undocumented(String value) {
		if (value == null || value.isEmpty()) {
			throw new InvalidTopicException("An undocumented topic must not be empty.");
		}
		for (int i = 0; i < value.length(); i++) {
			if (Character.isWhitespace(value.charAt(i))) {
				throw new InvalidTopicException("Topic '" + value + "' contains whitespace at index " + i + ".");
			}
		}
		return new Topic(value, null, List.of());
	}

	private static Topic create(TopicType type, String[] ids, String value) {
		if (ids.length != type.idCount()) {
			throw new InvalidTopicException(
					"Topic '" + value + "' has " + ids.length + " id" + ((ids.length == 1) ? "" : "s") + " but "
							+ type.prefix() + " takes " + type.idCount() + ". Expected " + type.expectedForm() + ".");
		}
		for (int i = 0; i < ids.length; i++) {
			String id = ids[i];
			String idName = type.idNames().get(i);
			if (id == null || id.isEmpty()) {
				throw new InvalidTopicException("Topic '" + value + "' has an empty <" + idName + ">. Expected "
						+ type.expectedForm() + " with numeric Twitch ids.");
			}
			if (!isNumeric(id)) {
				throw new InvalidTopicException("Topic '" + value + "' has a non-numeric <" + idName + "> '" + id
						+ "'. Expected " + type.expectedForm() + " with numeric Twitch ids.");
			}
		}
		return new Topic(value, type, List.of(ids));
	}

	private static boolean isNumeric(String id) {
		for (int i = 0; i < id.length(); i++) {
			char c = id.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	private static String documentedForms() {
		return Stream.of(TopicType.values()).map(TopicType::expectedForm).collect(Collectors.joining(", "));
	}

	/**
	 * The topic string, exactly as it goes on the wire.
	 * @return the topic string
	 */
	public String value() {
		return this.value;
	}

	/**
	 * The documented family of this topic.
	 * @return the family, or {@code null} for an undocumented topic
	 */
	public @Nullable TopicType type() {
		return this.type;
	}

	/**
	 * Whether this topic belongs to a documented family with typed payloads.
	 * @return {@code true} for a documented topic
	 */
	public boolean isDocumented() {
		return this.type != null;
	}

	/**
	 * The ids of a documented topic, in wire order.
	 * @return the ids; empty for an undocumented topic
	 */
	public List<String> ids() {
		return this.ids;
	}

	/**
	 * The id of the user whose access token authorises this topic: the first id (the
	 * channel, or the moderator or current user of two-id families).
	 * @return the user id, or {@code null} for an undocumented topic, whose owner is
	 * unknown
	 */
	public @Nullable String authorizingUserId() {
		return this.ids.isEmpty() ? null : this.ids.get(0);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other)
				|| (other instanceof Topic topic && this.value.equals(topic.value) && this.type == topic.type);
	}

	@Override
	public int hashCode() {
		return this.value.hashCode();
	}

	/**
	 * Returns the topic string.
	 * @return the same as {@link #value()}
	 */
	@Override
	public String toString() {
		return this.value;
	}

}
