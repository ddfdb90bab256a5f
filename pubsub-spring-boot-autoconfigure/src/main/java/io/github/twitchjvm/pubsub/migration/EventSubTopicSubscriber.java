package io.github.twitchjvm.pubsub.migration;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.twitchjvm.annotation.ListenerMethods;
import io.github.twitchjvm.bridge.PayloadMigration;
import io.github.twitchjvm.bridge.PubSubOverEventSub;
import io.github.twitchjvm.bridge.TopicRoute;
import io.github.twitchjvm.bridge.UnsupportedTopicException;
import io.github.twitchjvm.eventsub.annotation.EventSubscriptionKey;
import io.github.twitchjvm.eventsub.annotation.EventSubscriptionPlan;
import io.github.twitchjvm.pubsub.PubSubHandler;
import io.github.twitchjvm.pubsub.annotation.TwitchTopicListener;
import io.github.twitchjvm.pubsub.annotation.TwitchTopicSubscriber;
import io.github.twitchjvm.pubsub.diagnostics.PubSubConfigurationException;
import io.github.twitchjvm.pubsub.message.PayloadCodec;
import io.github.twitchjvm.pubsub.message.PubSubMessage;
import io.github.twitchjvm.pubsub.message.PubSubPayload;
import io.github.twitchjvm.pubsub.message.UnknownPayload;
import io.github.twitchjvm.pubsub.topic.Topic;
import io.github.twitchjvm.pubsub.topic.TopicType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes {@code @TwitchTopic} listeners over EventSub: each topic rides on the
 * EventSub subscriptions that replaced its family, and each notification reaches the
 * method as the family's PubSub payload. At startup every listener is checked (a topic or
 * payload type with no faithful conversion fails with the EventSub type and annotation to
 * use instead; a token for every user, and Twitch's limits per user token together with
 * the {@code @TwitchEvent} listeners', through the {@link EventSubscriptionPlan}) and
 * reported: the subscriptions it rides on and the payload fields that will be absent.
 */
final class EventSubTopicSubscriber implements TwitchTopicSubscriber {

	private static final Logger logger = LoggerFactory.getLogger(EventSubTopicSubscriber.class);

	private final PubSubOverEventSub bridge;

	private final EventSubscriptionPlan plan;

	EventSubTopicSubscriber(PubSubOverEventSub bridge, EventSubscriptionPlan plan) {
		this.bridge = bridge;
		this.plan = plan;
	}

	@Override
	public void check(List<TwitchTopicListener> adding, List<TwitchTopicListener> registered) {
		List<String> report = new ArrayList<>();
		for (TwitchTopicListener listener : adding) {
			Class<? extends PubSubPayload> payloadType = payloadType(listener.method());
			for (Topic topic : listener.topics()) {
				TopicRoute route = route(listener, topic);
				TopicType family = topic.type();
				@Nullable Class<? extends PubSubPayload> wanted = (payloadType != null || family == null) ? payloadType
						: PayloadCodec.payloadType(family);
				List<String> absent = List.of();
				if (family != null && wanted != null) {
					// A method that keeps an Unknown handler for robustness receives
					// nothing
					// over EventSub, which is no reason to refuse the start.
					Optional<String> unsupported = UnknownPayload.class.isAssignableFrom(wanted) ? Optional.empty()
							: PayloadMigration.unsupported(family, wanted);
					if (unsupported.isPresent()) {
						throw problem(listener.method(), "takes " + wanted.getName() + ", which does not arrive over "
								+ "EventSub (twitch.pubsub.transport=eventsub).", unsupported.get());
					}
					absent = PayloadMigration.absentFields(family, wanted);
				}
				report.add("@TwitchTopic " + listener.id() + ": " + topic + " rides on " + rides(route)
						+ (absent.isEmpty() ? "" : "; always absent: " + String.join(", ", absent)));
			}
		}
		this.plan.reserve(adding.stream()
			.map((listener) -> new EventSubscriptionPlan.Wanted("@TwitchTopic", listener.method(),
					listener.topics()
						.stream()
						.flatMap((topic) -> TopicRoute.of(topic).rides().stream())
						.map((ride) -> new EventSubscriptionKey(ride.type(), ride.version(), ride.condition()))
						.distinct()
						.toList()))
			.toList());
		report.forEach((line) -> logger.info("Over EventSub, {}", line));
	}

	private static TopicRoute route(TwitchTopicListener listener, Topic topic) {
		try {
			return TopicRoute.of(topic);
		}
		catch (UnsupportedTopicException ex) {
			throw problem(listener.method(),
					"listens to " + topic + ", which has no EventSub route: " + ex.getMessage(),
					"Listen to it with @TwitchEvent and the EventSub type that carries it, or set "
							+ "twitch.pubsub.transport=pubsub.");
		}
	}

	@Override
	public void subscribe(TwitchTopicListener listener, Topic topic, PubSubHandler<PubSubMessage> handler) {
		this.bridge.listenAsync(topic, handler);
	}

	private static String rides(TopicRoute route) {
		return String.join(" + ",
				route.rides().stream().map((ride) -> ride.type() + "@" + ride.version() + ride.condition()).toList());
	}

	private static @Nullable Class<? extends PubSubPayload> payloadType(Method method) {
		for (Class<?> type : method.getParameterTypes()) {
			if (PubSubPayload.class.isAssignableFrom(type)) {
				return type.asSubclass(PubSubPayload.class);
			}
		}
		return null;
	}

	private static PubSubConfigurationException problem(Method method, String problem, String action) {
		return new PubSubConfigurationException(
				"@TwitchTopic method " + ListenerMethods.describe(method) + " " + problem, action);
	}

}
