package io.github.twitchjvm.bridge;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes PubSub message JSON by the bridge's one rule: what EventSub did not carry is
 * left out, never written as a made-up value. The typed EventSub model reads a missing
 * field as its empty value ({@code ""}, {@link Instant#EPOCH}), so empty values are left
 * out too, and the PubSub decoder then reads the field as absent, as it would have read a
 * PubSub message without it.
 */
final class PubSubJson {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private PubSubJson() {
	}

	static ObjectNode object() {
		return JsonNodeFactory.instance.objectNode();
	}

	static ArrayNode array() {
		return JsonNodeFactory.instance.arrayNode();
	}

	/** Puts a text unless it is {@code null} or empty. */
	static ObjectNode text(ObjectNode node, String name, @Nullable String value) {
		if (value != null && !value.isEmpty()) {
			node.put(name, value);
		}
		return node;
	}

	/**
	 * Puts an RFC 3339 timestamp (with the nanoseconds Twitch sent) unless it is absent.
	 */
	static ObjectNode time(ObjectNode node, String name, @Nullable Instant value) {
		if (value != null && isPresent(value)) {
			node.put(name, value.toString());
		}
		return node;
	}

	/** Puts a child object unless it has no fields. */
	static ObjectNode child(ObjectNode node, String name, ObjectNode child) {
		if (!child.isEmpty()) {
			node.set(name, child);
		}
		return node;
	}

	/** Puts a list of texts, empty ones kept (positional), unless the list is empty. */
	static ObjectNode texts(ObjectNode node, String name, List<String> values) {
		if (!values.isEmpty()) {
			ArrayNode array = node.putArray(name);
			values.forEach(array::add);
		}
		return node;
	}

	/**
	 * Whether a timestamp was sent: the EventSub model reads a missing one as the epoch.
	 */
	static boolean isPresent(@Nullable Instant value) {
		return value != null && !Instant.EPOCH.equals(value);
	}

	static String write(ObjectNode node) {
		return MAPPER.writeValueAsString(node);
	}

}
