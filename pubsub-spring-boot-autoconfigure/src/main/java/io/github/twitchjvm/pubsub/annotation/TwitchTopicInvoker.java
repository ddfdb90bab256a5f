package io.github.twitchjvm.pubsub.annotation;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.UUID;

import io.github.twitchjvm.annotation.ObservedInvocation;
import io.github.twitchjvm.pubsub.PubSubHandler;
import io.github.twitchjvm.pubsub.message.PubSubMessage;
import io.github.twitchjvm.pubsub.message.PubSubPayload;
import io.github.twitchjvm.pubsub.topic.TopicType;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Calls a {@link TwitchTopic} method for each message of its subscriptions: decodes the
 * payload when a parameter wants it, skips other variants, and hands failures to the
 * listener's error handler or back to the client, which logs and counts them.
 */
final class TwitchTopicInvoker implements PubSubHandler<PubSubMessage> {

	/** The observation of each call, a timer of that name under Micrometer. */
	static final String OBSERVATION = "twitch.pubsub.listener";

	private final String id;

	private final Object bean;

	private final Method method;

	private final HandlerArguments arguments;

	private final @Nullable TwitchTopicErrorHandler errorHandler;

	private final ObservationRegistry observations;

	TwitchTopicInvoker(String id, Object bean, Method method, HandlerArguments arguments,
			@Nullable TwitchTopicErrorHandler errorHandler, ObservationRegistry observations) {
		this.id = id;
		this.bean = bean;
		this.method = method;
		this.arguments = arguments;
		this.errorHandler = errorHandler;
		this.observations = observations;
	}

	@Override
	public void handle(UUID subscription, PubSubMessage message) throws Exception {
		Class<? extends PubSubPayload> payloadType = this.arguments.payloadType();
		PubSubPayload payload = null;
		if (payloadType != null) {
			// A decoding failure goes to the client, which counts it as a dropped
			// message, not a handler error.
			payload = message.payload();
			if (!payloadType.isInstance(payload)) {
				return;
			}
		}
		Object[] values = this.arguments.resolve(subscription, message, payload);
		ObservedInvocation.observe(this.observations, OBSERVATION, this.id, "topic.type", topicType(message),
				() -> invoke(values, message));
	}

	/**
	 * @return whether the method returned normally (its failure may have gone to the
	 * error handler)
	 */
	private boolean invoke(Object[] values, PubSubMessage message) throws Exception {
		try {
			this.method.invoke(this.bean, values);
			return true;
		}
		catch (InvocationTargetException ex) {
			failed(ex.getTargetException(), message);
			return false;
		}
	}

	private static String topicType(PubSubMessage message) {
		TopicType type = message.topic().type();
		return (type != null) ? type.prefix() : "undocumented";
	}

	private void failed(Throwable failure, PubSubMessage message) throws Exception {
		if (this.errorHandler != null) {
			this.errorHandler.handleError(failure, message, this.id);
			return;
		}
		if (failure instanceof Error error) {
			throw error;
		}
		// The client logs (rate-limited) and counts what a handler throws: the listener's
		// id tells which method.
		throw new ListenerFailedException("@TwitchTopic listener " + this.id + " failed on " + message.topic(),
				failure);
	}

	/** What a listener threw, named after the listener. */
	static final class ListenerFailedException extends RuntimeException {

		ListenerFailedException(String message, Throwable cause) {
			super(message, cause);
		}

	}

	@Override
	public String toString() {
		return "@TwitchTopic " + this.id;
	}

}
