package io.github.twitchjvm.pubsub.annotation;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.github.twitchjvm.pubsub.message.PayloadCodec;
import io.github.twitchjvm.pubsub.message.PubSubMessage;
import io.github.twitchjvm.pubsub.message.PubSubPayload;
import io.github.twitchjvm.pubsub.topic.Topic;
import io.github.twitchjvm.pubsub.topic.TopicType;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What each parameter of a {@link TwitchTopic} method receives, decided once at startup
 * from the parameter types.
 */
final class HandlerArguments {

	private static final String SUPPORTED = "the family's payload type or one of its variants, PubSubMessage, "
			+ "JsonNode, String (the raw message), UUID (the subscription) or Topic";

	/** One parameter's source. */
	private enum Source {

		PAYLOAD, MESSAGE, JSON, TEXT, SUBSCRIPTION, TOPIC

	}

	private final Source[] sources;

	private final @Nullable Class<? extends PubSubPayload> payloadType;

	private HandlerArguments(Source[] sources, @Nullable Class<? extends PubSubPayload> payloadType) {
		this.sources = sources;
		this.payloadType = payloadType;
	}

	/**
	 * Decides the parameters' sources, checking that every topic can supply them.
	 * @throws io.github.twitchjvm.pubsub.diagnostics.PubSubConfigurationException if a
	 * parameter cannot be supplied
	 */
	static HandlerArguments of(Method method, List<Topic> topics) {
		Class<?>[] types = method.getParameterTypes();
		Source[] sources = new Source[types.length];
		Class<? extends PubSubPayload> payloadType = null;
		for (int i = 0; i < types.length; i++) {
			Class<?> type = types[i];
			if (PubSubPayload.class.isAssignableFrom(type)) {
				Class<? extends PubSubPayload> wanted = type.asSubclass(PubSubPayload.class);
				if (payloadType != null && payloadType != wanted) {
					throw ListenerProblem.of(method, "has two payload parameters of different types.",
							"Keep one payload parameter.");
				}
				topics.forEach((topic) -> checkPayload(method, topic, wanted));
				payloadType = wanted;
				sources[i] = Source.PAYLOAD;
			}
			else {
				sources[i] = source(method, i, type);
			}
		}
		return new HandlerArguments(sources, payloadType);
	}

	private static Source source(Method method, int index, Class<?> type) {
		if (type == PubSubMessage.class) {
			return Source.MESSAGE;
		}
		if (type == JsonNode.class) {
			return Source.JSON;
		}
		if (type == String.class) {
			return Source.TEXT;
		}
		if (type == UUID.class) {
			return Source.SUBSCRIPTION;
		}
		if (type == Topic.class) {
			return Source.TOPIC;
		}
		throw ListenerProblem.of(method,
				"has parameter " + index + " of type " + type.getName() + ", which a PubSub message cannot supply.",
				"Use parameters of these types, in any order: " + SUPPORTED + ".");
	}

	private static void checkPayload(Method method, Topic topic, Class<? extends PubSubPayload> wanted) {
		TopicType type = topic.type();
		if (type == null) {
			throw ListenerProblem.of(
					method, "asks for a typed payload (" + wanted.getSimpleName() + ") of the undocumented topic "
							+ topic + ", which has none.",
					"Take PubSubMessage, JsonNode or String for an undocumented topic.");
		}
		Class<? extends PubSubPayload> family = PayloadCodec.payloadType(type);
		if (!family.isAssignableFrom(wanted)) {
			String owner = Arrays.stream(TopicType.values())
				.filter((other) -> PayloadCodec.payloadType(other).isAssignableFrom(wanted))
				.map(TopicType::prefix)
				.findFirst()
				.orElse("no family");
			throw ListenerProblem.of(method,
					"takes " + wanted.getName() + ", a payload of " + owner + ", but listens to " + type.prefix()
							+ ", which carries " + family.getName() + ".",
					"Take " + family.getSimpleName() + " or one of its variants, or listen to " + owner + ".");
		}
	}

	/**
	 * The payload type to filter on: messages whose payload is not an instance are
	 * skipped.
	 * @return the type, or {@code null} when no parameter takes the payload
	 */
	@Nullable Class<? extends PubSubPayload> payloadType() {
		return this.payloadType;
	}

	Object[] resolve(UUID subscription, PubSubMessage message, @Nullable PubSubPayload payload) {
		Object[] values = new Object[this.sources.length];
		for (int i = 0; i < values.length; i++) {
			values[i] = switch (this.sources[i]) {
				case PAYLOAD -> payload;
				case MESSAGE -> message;
				case JSON -> message.json();
				case TEXT -> message.text();
				case SUBSCRIPTION -> subscription;
				case TOPIC -> message.topic();
			};
		}
		return values;
	}

}
