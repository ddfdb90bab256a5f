package io.github.twitchjvm.pubsub.message;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.github.twitchjvm.pubsub.topic.TopicType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Encoding writes what Twitch sent: every fixture, decoded and encoded again, has the
 * same fields with the same values, except where the model deliberately normalises. A
 * wrong wire name, a dropped field or an invented one fails here, even though a round
 * trip through the same codec would not notice. Fixtures under {@code partial/} lack
 * fields on purpose; their encoding may add them, with absent values.
 */
class WireShapeTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Fields of the fixtures the model does not keep: unknown to it, or only in the
	 * documentation's examples.
	 */
	private static final Set<String> DROPPED = Set.of("data_object.is_reply", "data.is_reply",
			"data.badge_tier_entitlement.Emoticons");

	/**
	 * Differences on purpose: the model writes the shape of real frames, not of older or
	 * documented ones.
	 */
	private static final Map<String, Set<String>> NORMALISED = Map.of("bits-v2/bits_event_toplevel_anonymous.json",
			Set.of("is_anonymous missing", "data.is_anonymous invented"), "whispers/whisper_received_data_only.json",
			Set.of("data_object invented"));

	private static final Map<String, TopicType> FOLDERS = Map.of("whispers", TopicType.WHISPERS, "bits-v1",
			TopicType.BITS_V1, "bits-v2", TopicType.BITS_V2, "bits-badge-unlocks", TopicType.BITS_BADGE_UNLOCKS,
			"channel-points", TopicType.CHANNEL_POINTS, "subscriptions", TopicType.CHANNEL_SUBSCRIPTIONS,
			"chat-moderator-actions", TopicType.CHAT_MODERATOR_ACTIONS, "automod-queue", TopicType.AUTOMOD_QUEUE,
			"user-moderation-notifications", TopicType.USER_MODERATION_NOTIFICATIONS, "low-trust-users",
			TopicType.LOW_TRUST_USERS);

	@TestFactory
	Stream<DynamicTest> encodingReproducesEveryFixture() {
		List<DynamicTest> tests = new ArrayList<>();
		for (String file : fixtureFiles()) {
			TopicType type = FOLDERS.get(file.substring(0, file.indexOf('/')));
			List<String> messages = file.endsWith("moderation_actions.json") ? Fixtures.elements(file)
					: List.of(Fixtures.text(file));
			for (String message : messages) {
				tests.add(DynamicTest.dynamicTest(file, () -> {
					String encoded = PayloadCodec.standard()
						.encode(type, PayloadCodec.standard().decode(type, message));
					List<String> differences = new ArrayList<>();
					compare("", normalise(JSON.readTree(message)), normalise(JSON.readTree(encoded)), differences);
					differences.removeAll(NORMALISED.getOrDefault(file, Set.of()));
					if (file.contains("/partial/")) {
						// What a partial message left out or sent as null is written as
						// the
						// absent value; everything it did send must still be there.
						differences.removeIf((difference) -> difference.endsWith(" invented")
								|| difference.contains(": null became "));
					}
					assertThat(differences).as("fixture vs encoded:%n%s%n%s", message, encoded).isEmpty();
				}));
			}
		}
		assertThat(tests).hasSizeGreaterThan(80);
		return tests.stream();
	}

	private static List<String> fixtureFiles() {
		try (var walk = java.nio.file.Files
			.walk(java.nio.file.Path.of(WireShapeTest.class.getResource("/fixtures").toURI()))) {
			var root = java.nio.file.Path.of(WireShapeTest.class.getResource("/fixtures").toURI());
			return walk.filter((path) -> path.toString().endsWith(".json"))
				.map((path) -> root.relativize(path).toString().replace('\\', '/'))
				.sorted()
				.toList();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Whispers carry their content a second time as a JSON string; compare it as JSON.
	 */
	private static JsonNode normalise(JsonNode message) {
		if (message.isObject() && message.path("data").isString() && message.path("data").asString().startsWith("{")) {
			((tools.jackson.databind.node.ObjectNode) message).set("data",
					JSON.readTree(message.get("data").asString()));
		}
		return message;
	}

	private static void compare(String path, JsonNode expected, JsonNode actual, List<String> differences) {
		if (DROPPED.contains(path)) {
			return;
		}
		if (expected.isObject() && actual.isObject()) {
			for (Iterator<Map.Entry<String, JsonNode>> fields = expected.properties().iterator(); fields.hasNext();) {
				Map.Entry<String, JsonNode> field = fields.next();
				String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
				JsonNode other = actual.get(field.getKey());
				if (other == null) {
					if (!field.getValue().isNull() && !DROPPED.contains(child)) {
						differences.add(child + " missing");
					}
					continue;
				}
				compare(child, field.getValue(), other, differences);
			}
			for (String name : actual.propertyNames()) {
				JsonNode value = actual.get(name);
				// Absent lists and maps read as empty ones, and empty ones may be
				// written.
				boolean emptyContainer = value.isContainer() && value.isEmpty();
				if (!expected.has(name) && !emptyContainer) {
					differences.add((path.isEmpty() ? name : path + "." + name) + " invented");
				}
			}
		}
		else if (expected.isArray() && actual.isArray()) {
			if (expected.size() != actual.size()) {
				differences.add(path + " has " + actual.size() + " elements, not " + expected.size());
				return;
			}
			for (int i = 0; i < expected.size(); i++) {
				compare(path + "[" + i + "]", expected.get(i), actual.get(i), differences);
			}
		}
		else if (!sameValue(expected, actual)) {
			differences.add(path + ": " + expected + " became " + actual);
		}
	}

	private static boolean sameValue(JsonNode expected, JsonNode actual) {
		if (expected.equals(actual)) {
			return true;
		}
		if (expected.isNull() && actual.isArray() && actual.isEmpty()) {
			return true; // a null list reads as an empty one
		}
		if (expected.isValueNode() && actual.isValueNode() && !expected.isNull()
				&& expected.asString().equals(actual.asString())) {
			return true; // also numeric ids the documentation printed as numbers and the
							// model keeps as text
		}
		if (expected.isString() && actual.isString()) {
			try {
				return OffsetDateTime.parse(expected.asString())
					.toInstant()
					.equals(OffsetDateTime.parse(actual.asString()).toInstant());
			}
			catch (DateTimeParseException ex) {
				return false;
			}
		}
		return false;
	}

}
