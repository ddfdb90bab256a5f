package io.github.twitchjvm.pubsub.test.eventsub;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import tools.jackson.databind.node.ObjectNode;

/**
 * Realistic {@code payload.event} objects, one per known type, shipped as resources
 * ({@code samples/<type>.json} beside this class). A sample takes the condition's users:
 * each event field named like a condition key gets the condition's value, so that the
 * event matches the subscription it is published to.
 */
final class SampleEvents {

	/** Condition keys whose user appears under another name in the event. */
	private static final Map<String, Map<String, String>> RENAMED = Map.of("user.whisper.message",
			Map.of("user_id", "to_user_id"));

	private SampleEvents() {
	}

	/**
	 * The sample's text.
	 * @throws IllegalArgumentException if no sample exists for the type
	 */
	static String json(String type) {
		if (!SubscriptionTypes.knows(type)) {
			throw new IllegalArgumentException("No sample for " + type + "; known types: "
					+ SubscriptionTypes.all().stream().map(SubscriptionTypes.Definition::type).distinct().toList());
		}
		try (InputStream in = SampleEvents.class.getResourceAsStream("samples/" + type + ".json")) {
			if (in == null) {
				throw new IllegalStateException("The sample of " + type + " is missing from the jar");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The sample with the condition's values in the event's fields of the same names. */
	static ObjectNode event(String type, Map<String, String> condition) {
		ObjectNode event = EventSubJson.event(json(type));
		Map<String, String> renamed = RENAMED.getOrDefault(type, Map.of());
		condition.forEach((key, value) -> {
			String field = renamed.getOrDefault(key, key);
			if (event.has(field)) {
				event.put(field, value);
			}
		});
		return event;
	}

}
