package io.github.twitchjvm.eventsub.event;

import java.util.HashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.jspecify.annotations.Nullable;

/**
 * Decodes the event of an EventSub notification into its typed record, and encodes an
 * event back to Twitch's JSON (which the fake server sends).
 *
 * <pre>{@code
 * EventSubEvent event = EventSubCodec.standard().decodeEvent("channel.cheer", "1", eventJson);
 * }</pre>
 *
 * The engine parses the frame's envelope itself and decodes the event only for a handler
 * that wants it; {@link #decodeNotification(String)} decodes a whole frame for tests and
 * tools. Instances are immutable and thread-safe; the readers and writers are built once.
 */
public final class EventSubCodec {

	private static final EventSubCodec STANDARD = new EventSubCodec();

	private final JsonMapper mapper;

	private final Map<Class<?>, ObjectReader> readers = new HashMap<>();

	private final Map<Class<?>, ObjectWriter> writers = new HashMap<>();

	private final ObjectReader metadataReader;

	private final ObjectReader subscriptionReader;

	private EventSubCodec() {
		this.mapper = EventJson.createMapper();
		for (EventSubType type : EventSubTypes.all()) {
			this.readers.put(type.eventClass(), this.mapper.readerFor(type.eventClass()));
			this.writers.put(type.eventClass(), this.mapper.writerFor(type.eventClass()));
		}
		this.metadataReader = this.mapper.readerFor(MessageMetadata.class);
		this.subscriptionReader = this.mapper.readerFor(SubscriptionInfo.class);
	}

	/**
	 * The shared codec.
	 * @return the codec
	 */
	public static EventSubCodec standard() {
		return STANDARD;
	}

	/**
	 * The record the events of a subscription type and version decode to.
	 * @param type the subscription type, for example {@code channel.cheer}
	 * @param version the version, for example {@code 1}
	 * @return the record class, {@link UnknownEvent} for a type or version without one
	 */
	public Class<? extends EventSubEvent> eventType(String type, String version) {
		EventSubType known = EventSubTypes.lookup(type, version);
		return (known != null) ? known.eventClass() : UnknownEvent.class;
	}

	/**
	 * Decodes an event ({@code payload.event}). Unknown fields are ignored; a field that
	 * is missing, {@code null}, of the wrong JSON type or an enum value this version does
	 * not know is absent ({@code null} where the component is {@code @Nullable},
	 * otherwise the empty value of its type).
	 * @param type the subscription type ({@code metadata.subscription_type})
	 * @param version the subscription version ({@code metadata.subscription_version})
	 * @param eventJson the event object's JSON text
	 * @return the typed record, or an {@link UnknownEvent} keeping the text when the type
	 * or version has no record (never an exception for those)
	 * @throws EventDecodingException if the event of a typed type is not JSON or not one
	 * JSON object
	 */
	public EventSubEvent decodeEvent(String type, String version, String eventJson) {
		EventSubType known = EventSubTypes.lookup(type, version);
		if (known == null) {
			return new UnknownEvent(type, version, eventJson);
		}
		ObjectReader reader = this.readers.get(known.eventClass());
		EventSubEvent event;
		try {
			event = (reader != null) ? reader.readValue(eventJson) : null;
		}
		catch (JacksonException ex) {
			throw new EventDecodingException(type, version, ex.getOriginalMessage(), ex);
		}
		if (event == null) {
			// Only input that is no object at all (null, a string, an array) reads as
			// null.
			throw new EventDecodingException(type, version, "expected a JSON object", null);
		}
		return event;
	}

	/**
	 * Encodes an event as Twitch writes it in {@code payload.event}. An
	 * {@link UnknownEvent} encodes to the JSON it keeps.
	 * @param event the event
	 * @return the event object's JSON text
	 */
	public String encode(EventSubEvent event) {
		if (event instanceof UnknownEvent unknown) {
			return unknown.json();
		}
		ObjectWriter writer = this.writers.get(event.getClass());
		if (writer == null) {
			throw new IllegalStateException("No writer for " + event.getClass().getName());
		}
		return writer.writeValueAsString(event);
	}

	/**
	 * Decodes a whole {@code notification} frame: metadata, subscription and event. The
	 * event's type and version are the metadata's, or the subscription's when the
	 * metadata lacks them.
	 * @param frameJson the frame's text
	 * @return the notification
	 * @throws EventDecodingException if the frame is not JSON, not an object, has no
	 * {@code payload.event} object, or its event cannot be decoded
	 */
	public Notification<EventSubEvent> decodeNotification(String frameJson) {
		JsonNode frame;
		MessageMetadata metadata;
		SubscriptionInfo subscription;
		try {
			frame = this.mapper.readTree(frameJson);
			metadata = this.metadataReader.readValue(objectOrEmpty(frame.get("metadata")));
			subscription = this.subscriptionReader.readValue(objectOrEmpty(frame.path("payload").get("subscription")));
		}
		catch (JacksonException ex) {
			throw new EventDecodingException("notification", "?", ex.getOriginalMessage(), ex);
		}
		String type = (metadata.subscriptionType() != null) ? metadata.subscriptionType() : subscription.type();
		String version = (metadata.subscriptionVersion() != null) ? metadata.subscriptionVersion()
				: subscription.version();
		JsonNode event = frame.path("payload").get("event");
		if (event == null || !event.isObject()) {
			throw new EventDecodingException(type, version, "the frame has no payload.event object", null);
		}
		String raw = this.mapper.writeValueAsString(event);
		return new Notification<>(metadata, subscription, decodeEvent(type, version, raw), raw);
	}

	/**
	 * Encodes a notification frame as Twitch sends it: {@code metadata} and
	 * {@code payload} with {@code subscription} and {@code event}. The event is the
	 * notification's typed event, encoded with {@link #encode(EventSubEvent)}.
	 * @param notification the notification
	 * @return the frame's text
	 */
	public String encodeNotification(Notification<?> notification) {
		ObjectNode frame = this.mapper.createObjectNode();
		frame.set("metadata", this.mapper.valueToTree(notification.metadata()));
		ObjectNode payload = frame.putObject("payload");
		payload.set("subscription", this.mapper.valueToTree(notification.subscription()));
		payload.set("event", this.mapper.readTree(encode(notification.event())));
		return this.mapper.writeValueAsString(frame);
	}

	private JsonNode objectOrEmpty(@Nullable JsonNode node) {
		return (node != null && node.isObject()) ? node : this.mapper.createObjectNode();
	}

}
