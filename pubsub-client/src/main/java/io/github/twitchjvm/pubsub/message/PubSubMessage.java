package io.github.twitchjvm.pubsub.message;

import java.time.Instant;
import java.util.Objects;

import io.github.twitchjvm.pubsub.topic.Topic;
import io.github.twitchjvm.pubsub.topic.TopicType;
import tools.jackson.databind.JsonNode;

import org.jspecify.annotations.Nullable;

/**
 * One message as it arrived on a topic: the topic, the raw inner message text, when it
 * was received, and, decoded lazily on first use and then kept, its JSON tree and its
 * typed payload.
 *
 * <p>
 * A handler can always fall back to {@link #text()} or {@link #json()}, for undocumented
 * topics and for messages whose typed decoding fails. Instances are safe to share between
 * threads: the payload is immutable, the tree must only be read, and two threads asking
 * at once may both decode, one result winning.
 */
public final class PubSubMessage {

	private final Topic topic;

	private final String text;

	private final Instant receivedAt;

	private final PayloadCodec codec;

	private volatile @Nullable JsonNode json;

	private volatile @Nullable PubSubPayload payload;

	/**
	 * Creates a message decoded with the {@linkplain PayloadCodec#standard() standard
	 * codec}.
	 * @param topic the topic it arrived on
	 * @param text the inner message text (the MESSAGE frame's {@code data.message})
	 * @param receivedAt when it was received
	 */
	public PubSubMessage(Topic topic, String text, Instant receivedAt) {
		this(topic, text, receivedAt, PayloadCodec.standard());
	}

	PubSubMessage(Topic topic, String text, Instant receivedAt, PayloadCodec codec) {
		this.topic = Objects.requireNonNull(topic, "topic");
		this.text = Objects.requireNonNull(text, "text");
		this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
		this.codec = codec;
	}

	/**
	 * The topic the message arrived on.
	 * @return the topic
	 */
	public Topic topic() {
		return this.topic;
	}

	/**
	 * The inner message exactly as received.
	 * @return the JSON text
	 */
	public String text() {
		return this.text;
	}

	/**
	 * When the client received the message.
	 * @return the receive time
	 */
	public Instant receivedAt() {
		return this.receivedAt;
	}

	/**
	 * The inner message as a Jackson tree, parsed on first use. For whispers, the nested
	 * {@code data} string stays a string here; {@code data_object} has the same content
	 * as an object.
	 * <p>
	 * Every handler of the message gets the same tree: read it, never modify it (Jackson
	 * trees are mutable and not thread-safe for writes); take a {@code deepCopy()} to
	 * change it.
	 * @return the tree
	 * @throws MessageDecodingException if the text is not JSON
	 */
	public JsonNode json() {
		JsonNode tree = this.json;
		if (tree == null) {
			tree = this.codec.readTree(this.topic.type(), this.text);
			this.json = tree;
		}
		return tree;
	}

	/**
	 * The typed payload, decoded on first use.
	 * @return an instance of {@link PayloadCodec#payloadType(TopicType)} for this topic's
	 * type
	 * @throws MessageDecodingException if the text cannot be decoded
	 * @throws IllegalStateException if the topic is undocumented and so has no typed
	 * payload
	 */
	public PubSubPayload payload() {
		PubSubPayload decoded = this.payload;
		if (decoded == null) {
			TopicType type = this.topic.type();
			if (type == null) {
				throw new IllegalStateException(
						"Topic '" + this.topic + "' is undocumented and has no typed payload; use text() or json()");
			}
			decoded = this.codec.decode(type, this.text);
			this.payload = decoded;
		}
		return decoded;
	}

	/**
	 * The typed payload if it is of the given type, for example one variant of the
	 * topic's family.
	 * @param <T> the wanted type
	 * @param type the wanted type, such as
	 * {@code ChannelPointsEvent.RewardRedeemed.class}
	 * @return the payload, or {@code null} when it is of another type
	 * @throws MessageDecodingException if the text cannot be decoded
	 * @throws IllegalStateException if the topic is undocumented
	 */
	public <T extends PubSubPayload> @Nullable T payload(Class<T> type) {
		PubSubPayload decoded = payload();
		return type.isInstance(decoded) ? type.cast(decoded) : null;
	}

	/**
	 * Shows the topic, the receive time and the size of the text, not the text itself,
	 * which can be long.
	 * @return a short description
	 */
	@Override
	public String toString() {
		return "PubSubMessage[topic=" + this.topic + ", receivedAt=" + this.receivedAt + ", text=" + this.text.length()
				+ " chars]";
	}

}
