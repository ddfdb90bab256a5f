package io.github.twitchjvm.eventsub.annotation;

import java.lang.reflect.Method;
import java.util.List;

import io.github.twitchjvm.eventsub.EventSubNotification;
import io.github.twitchjvm.eventsub.EventSubSubscription;
import io.github.twitchjvm.eventsub.event.EventSubEvent;
import io.github.twitchjvm.eventsub.event.EventSubTypes;
import io.github.twitchjvm.eventsub.event.UnknownEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What each parameter of a {@link TwitchEvent} method receives, decided once at startup
 * from the parameter types.
 */
final class EventHandlerArguments {

	private static final String SUPPORTED = "the type's event record (or EventSubEvent), EventSubNotification, "
			+ "JsonNode (the event), String (the event's raw JSON) or EventSubSubscription";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** One parameter's source. */
	private enum Source {

		EVENT, NOTIFICATION, JSON, TEXT, SUBSCRIPTION

	}

	private final Source[] sources;

	private final @Nullable Class<? extends EventSubEvent> eventType;

	private EventHandlerArguments(Source[] sources, @Nullable Class<? extends EventSubEvent> eventType) {
		this.sources = sources;
		this.eventType = eventType;
	}

	/**
	 * Decides the parameters' sources, checking that the subscriptions can supply them.
	 * @throws io.github.twitchjvm.pubsub.diagnostics.EventSubConfigurationException if a
	 * parameter cannot be supplied
	 */
	static EventHandlerArguments of(Method method, List<EventSubscriptionKey> subscriptions) {
		Class<?>[] types = method.getParameterTypes();
		Source[] sources = new Source[types.length];
		Class<? extends EventSubEvent> eventType = null;
		for (int i = 0; i < types.length; i++) {
			Class<?> type = types[i];
			if (EventSubEvent.class.isAssignableFrom(type)) {
				Class<? extends EventSubEvent> wanted = type.asSubclass(EventSubEvent.class);
				if (eventType != null && eventType != wanted) {
					throw EventListenerProblem.of(method, "has two event parameters of different types.",
							"Keep one event parameter.");
				}
				checkEvent(method, subscriptions, wanted);
				eventType = wanted;
				sources[i] = Source.EVENT;
			}
			else {
				sources[i] = source(method, i, type);
			}
		}
		return new EventHandlerArguments(sources, eventType);
	}

	private static Source source(Method method, int index, Class<?> type) {
		if (type == EventSubNotification.class) {
			return Source.NOTIFICATION;
		}
		if (type == JsonNode.class) {
			return Source.JSON;
		}
		if (type == String.class) {
			return Source.TEXT;
		}
		if (type == EventSubSubscription.class) {
			return Source.SUBSCRIPTION;
		}
		throw EventListenerProblem.of(
				method, "has parameter " + index + " of type " + type.getName()
						+ ", which an EventSub notification cannot " + "supply.",
				"Use parameters of these types, in any order: " + SUPPORTED + ".");
	}

	/**
	 * The event parameter must be what at least one subscription carries; the others'
	 * events are then skipped.
	 */
	private static void checkEvent(Method method, List<EventSubscriptionKey> subscriptions,
			Class<? extends EventSubEvent> wanted) {
		boolean carried = subscriptions.stream().anyMatch((key) -> wanted.isAssignableFrom(eventClass(key)));
		if (!carried) {
			List<String> carriedTypes = subscriptions.stream()
				.map((key) -> key.type() + "@" + key.version() + " carries " + eventClass(key).getSimpleName())
				.distinct()
				.toList();
			String owner = EventSubTypes.of(wanted).map((type) -> type.key()).orElse("no type");
			throw EventListenerProblem.of(method,
					"takes " + wanted.getName() + ", the event of " + owner + ", but " + String.join("; ", carriedTypes)
							+ ".",
					"Take the event record of the type it subscribes to (or EventSubEvent), or subscribe to " + owner
							+ ".");
		}
	}

	private static Class<? extends EventSubEvent> eventClass(EventSubscriptionKey key) {
		return EventSubTypes.find(key.type(), key.version())
			.<Class<? extends EventSubEvent>>map((type) -> type.eventClass())
			.orElse(UnknownEvent.class);
	}

	/**
	 * The event type to filter on: notifications whose event is not an instance are
	 * skipped.
	 * @return the type, or {@code null} when no parameter takes the event
	 */
	@Nullable Class<? extends EventSubEvent> eventType() {
		return this.eventType;
	}

	Object[] resolve(EventSubSubscription subscription, EventSubNotification notification,
			@Nullable EventSubEvent event) {
		Object[] values = new Object[this.sources.length];
		for (int i = 0; i < values.length; i++) {
			values[i] = switch (this.sources[i]) {
				case EVENT -> event;
				case NOTIFICATION -> notification;
				case JSON -> JSON.readTree(notification.rawEvent());
				case TEXT -> notification.rawEvent();
				case SUBSCRIPTION -> subscription;
			};
		}
		return values;
	}

}
