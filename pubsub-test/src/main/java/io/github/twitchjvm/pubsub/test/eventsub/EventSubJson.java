package io.github.twitchjvm.pubsub.test.eventsub;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.jspecify.annotations.Nullable;

/**
 * The JSON the service writes, in Twitch's key order: the WebSocket messages
 * (eventsub.md, section 1.2) and the subscription objects of Helix's answers.
 */
final class EventSubJson {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	/** RFC 3339 in UTC with nine fractional digits, as Twitch writes every timestamp. */
	private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
		.appendPattern("uuuu-MM-dd'T'HH:mm:ss")
		.appendFraction(ChronoField.NANO_OF_SECOND, 9, 9, true)
		.appendLiteral('Z')
		.toFormatter()
		.withZone(ZoneOffset.UTC);

	private EventSubJson() {
	}

	static String timestamp(Instant instant) {
		return TIMESTAMP.format(instant);
	}

	static String newMessageId() {
		return UUID.randomUUID().toString();
	}

	/** {@code session_welcome}, also on the socket a client reconnected with. */
	static String welcome(String messageId, Instant now, String sessionId, Instant connectedAt, int keepaliveSeconds) {
		ObjectNode message = envelope(messageId, "session_welcome", now, null, null);
		ObjectNode session = message.putObject("payload").putObject("session");
		session.put("id", sessionId);
		session.put("status", "connected");
		session.put("connected_at", timestamp(connectedAt));
		session.put("keepalive_timeout_seconds", keepaliveSeconds);
		session.putNull("reconnect_url");
		return message.toString();
	}

	static String keepalive(String messageId, Instant now) {
		ObjectNode message = envelope(messageId, "session_keepalive", now, null, null);
		message.putObject("payload");
		return message.toString();
	}

	static String reconnect(String messageId, Instant now, String sessionId, Instant connectedAt, String reconnectUrl) {
		ObjectNode message = envelope(messageId, "session_reconnect", now, null, null);
		ObjectNode session = message.putObject("payload").putObject("session");
		session.put("id", sessionId);
		session.put("status", "reconnecting");
		session.putNull("keepalive_timeout_seconds");
		session.put("reconnect_url", reconnectUrl);
		session.put("connected_at", timestamp(connectedAt));
		return message.toString();
	}

	static String notification(String messageId, Instant timestamp, Subscription subscription, JsonNode event) {
		ObjectNode message = envelope(messageId, "notification", timestamp, subscription.type(),
				subscription.version());
		ObjectNode payload = message.putObject("payload");
		payload.set("subscription", deliveredSubscription(subscription));
		payload.set("event", event);
		return message.toString();
	}

	static String revocation(String messageId, Instant now, Subscription subscription) {
		ObjectNode message = envelope(messageId, "revocation", now, subscription.type(), subscription.version());
		message.putObject("payload").set("subscription", deliveredSubscription(subscription));
		return message.toString();
	}

	private static ObjectNode envelope(String messageId, String type, Instant timestamp,
			@Nullable String subscriptionType, @Nullable String subscriptionVersion) {
		ObjectNode message = MAPPER.createObjectNode();
		ObjectNode metadata = message.putObject("metadata");
		metadata.put("message_id", messageId);
		metadata.put("message_type", type);
		metadata.put("message_timestamp", timestamp(timestamp));
		if (subscriptionType != null) {
			metadata.put("subscription_type", subscriptionType);
			metadata.put("subscription_version", subscriptionVersion);
		}
		return message;
	}

	/** The subscription inside a notification or revocation. */
	private static ObjectNode deliveredSubscription(Subscription subscription) {
		ObjectNode node = MAPPER.createObjectNode();
		node.put("id", subscription.id());
		node.put("status", subscription.status());
		node.put("type", subscription.type());
		node.put("version", subscription.version());
		node.put("cost", subscription.cost());
		node.set("condition", condition(subscription.condition()));
		ObjectNode transport = node.putObject("transport");
		transport.put("method", "websocket");
		transport.put("session_id", subscription.sessionId());
		node.put("created_at", timestamp(subscription.createdAt()));
		return node;
	}

	/** A subscription in Helix's answers. */
	static ObjectNode listedSubscription(Subscription subscription, Instant sessionConnectedAt) {
		ObjectNode node = MAPPER.createObjectNode();
		node.put("id", subscription.id());
		node.put("status", subscription.status());
		node.put("type", subscription.type());
		node.put("version", subscription.version());
		node.set("condition", condition(subscription.condition()));
		node.put("created_at", timestamp(subscription.createdAt()));
		ObjectNode transport = node.putObject("transport");
		transport.put("method", "websocket");
		transport.put("session_id", subscription.sessionId());
		transport.put("connected_at", timestamp(sessionConnectedAt));
		Instant disconnectedAt = subscription.disconnectedAt();
		if (disconnectedAt != null) {
			transport.put("disconnected_at", timestamp(disconnectedAt));
		}
		node.put("cost", subscription.cost());
		return node;
	}

	private static ObjectNode condition(Map<String, String> condition) {
		ObjectNode node = MAPPER.createObjectNode();
		condition.forEach(node::put);
		return node;
	}

	/**
	 * Parses an event given to a publish call.
	 * @throws IllegalArgumentException if it is not one JSON object
	 */
	static ObjectNode event(String json) {
		JsonNode event;
		try {
			event = MAPPER.readTree(json);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("The event is not JSON: " + ex.getOriginalMessage());
		}
		if (!(event instanceof ObjectNode object)) {
			throw new IllegalArgumentException("The event must be one JSON object");
		}
		return object;
	}

	/**
	 * Twitch's error body: {@code {"error":"Bad Request","status":400,"message":"..."}}.
	 */
	static String error(String error, int status, String message) {
		ObjectNode node = MAPPER.createObjectNode();
		node.put("error", error);
		node.put("status", status);
		node.put("message", message);
		return node.toString();
	}

}
