package io.github.twitchjvm.pubsub.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.twitchjvm.pubsub.topic.TopicType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-style: for random instances of every variant of every family, each field of
 * the encoded message, at any depth, is in turn left out, set to {@code null} or given a
 * value of another JSON type. The message still decodes to the same variant, and every
 * other field keeps its value; only the discriminator ({@code type}, {@code context},
 * {@code message_type}) makes it {@code Unknown}.
 */
class LenientDecodingTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final Map<TopicType, String> DISCRIMINATORS = Map.of(TopicType.WHISPERS, "type", TopicType.BITS_V1,
			"message_type", TopicType.BITS_V2, "message_type", TopicType.CHANNEL_POINTS, "type",
			TopicType.CHANNEL_SUBSCRIPTIONS, "context", TopicType.CHAT_MODERATOR_ACTIONS, "type",
			TopicType.AUTOMOD_QUEUE, "type", TopicType.USER_MODERATION_NOTIFICATIONS, "type", TopicType.LOW_TRUST_USERS,
			"type");

	/** What a field becomes: left out, {@code null}, or a value of each JSON type. */
	private static final Map<String, Function<JsonNode, JsonNode>> MUTATIONS = Map.of("left out", (value) -> null,
			"null", (value) -> NODES.nullNode(), "a word", (value) -> NODES.stringNode("seven"), "a number",
			(value) -> NODES.numberNode(7), "a fraction", (value) -> NODES.numberNode(2.5), "a boolean",
			(value) -> NODES.booleanNode(true), "an object", (value) -> NODES.objectNode().put("x", 1), "an array",
			(value) -> NODES.arrayNode().add("x").add(NODES.objectNode()));

	private final PayloadCodec codec = PayloadCodec.standard();

	@ParameterizedTest
	@EnumSource(TopicType.class)
	void everyFieldMayBeMissingNullOrMistyped(TopicType type) {
		RandomPayloads random = new RandomPayloads(4242 + type.ordinal());
		int checked = 0;
		for (Class<?> variant : RandomPayloads.variantsOf(PayloadCodec.payloadType(type))) {
			for (int instance = 0; instance < 3; instance++) {
				PubSubPayload payload = (PubSubPayload) random.record(variant);
				for (ObjectNode base : wireShapes(type, this.codec.encode(type, payload))) {
					for (List<Object> path : fieldPaths(base)) {
						for (Map.Entry<String, Function<JsonNode, JsonNode>> mutation : MUTATIONS.entrySet()) {
							check(type, payload, base, path, mutation.getKey(), mutation.getValue());
							checked++;
						}
					}
				}
			}
		}
		assertThat(checked).isGreaterThan(50);
	}

	private void check(TopicType type, PubSubPayload payload, ObjectNode base, List<Object> path, String mutationName,
			Function<JsonNode, JsonNode> mutation) {
		ObjectNode mutated = base.deepCopy();
		ObjectNode parent = (ObjectNode) navigate(mutated, path.subList(0, path.size() - 1));
		String name = (String) path.get(path.size() - 1);
		JsonNode replacement = mutation.apply(parent.get(name));
		if (replacement == null) {
			parent.remove(name);
		}
		else {
			parent.set(name, replacement);
		}
		boolean thirdLayer = type == TopicType.WHISPERS && path.equals(List.of("data"));
		if (thirdLayer && replacement != null && replacement.isString()) {
			return; // a data string that is not JSON is not JSON: an error, tested
					// elsewhere
		}
		String json = wire(type, mutated);
		String description = path + " " + mutationName + " in " + json;
		PubSubPayload decoded;
		try {
			decoded = this.codec.decode(type, json);
		}
		catch (MessageDecodingException ex) {
			throw new AssertionError(description + ": " + ex.getMessage(), ex);
		}
		if (path.size() == 1 && name.equals(DISCRIMINATORS.get(type)) && !"a word".equals(mutationName)) {
			assertThat(decoded).as(description).isInstanceOf(UnknownPayload.class);
			assertThat(((UnknownPayload) decoded).json()).as(description).isEqualTo(json);
			return;
		}
		if (path.size() == 1 && name.equals(DISCRIMINATORS.get(type))) {
			// An unknown discriminator value.
			assertThat(decoded).as(description).isInstanceOf(UnknownPayload.class);
			return;
		}
		assertThat(decoded).as(description).isInstanceOf(payload.getClass());
		// Nothing but the changed field changed.
		ObjectNode expected = canonical(type, base);
		ObjectNode actual = canonical(type, this.codec.encode(type, decoded));
		remove(expected, path);
		remove(actual, path);
		assertThat(withoutEmptyContainers(actual)).as(description).isEqualTo(withoutEmptyContainers(expected));
	}

	/**
	 * The shapes a message of the family travels in; whispers carry their content as a
	 * JSON string ({@code data}, here parsed so that its fields can be changed) or as
	 * {@code data_object}.
	 */
	private static List<ObjectNode> wireShapes(TopicType type, String json) {
		ObjectNode encoded = (ObjectNode) JSON.readTree(json);
		if (type != TopicType.WHISPERS) {
			return List.of(encoded);
		}
		List<ObjectNode> shapes = new ArrayList<>();
		ObjectNode dataString = encoded.deepCopy();
		dataString.remove("data_object");
		dataString.set("data", JSON.readTree(encoded.get("data").asString()));
		shapes.add(dataString);
		if (encoded.has("data_object")) {
			ObjectNode dataObject = encoded.deepCopy();
			dataObject.remove("data");
			shapes.add(dataObject);
		}
		return shapes;
	}

	private static String wire(TopicType type, ObjectNode shape) {
		ObjectNode copy = shape.deepCopy();
		if (type == TopicType.WHISPERS && copy.path("data").isObject()) {
			copy.put("data", JSON.writeValueAsString(copy.get("data")));
		}
		return JSON.writeValueAsString(copy);
	}

	/** A whisper's content under {@code data} as a tree, whichever way it travelled. */
	private static ObjectNode canonical(TopicType type, Object message) {
		ObjectNode tree = (message instanceof ObjectNode node) ? node.deepCopy()
				: (ObjectNode) JSON.readTree((String) message);
		if (type == TopicType.WHISPERS) {
			JsonNode content = tree.has("data_object") ? tree.get("data_object")
					: tree.path("data").isString() ? JSON.readTree(tree.get("data").asString()) : tree.get("data");
			tree.remove("data_object");
			if (content != null) {
				tree.set("data", content);
			}
		}
		return tree;
	}

	private static void remove(ObjectNode tree, List<Object> path) {
		List<Object> canonicalPath = new ArrayList<>(path);
		if ("data_object".equals(canonicalPath.get(0))) {
			canonicalPath.set(0, "data");
		}
		JsonNode parent = navigate(tree, canonicalPath.subList(0, canonicalPath.size() - 1));
		if (parent instanceof ObjectNode object) {
			object.remove((String) canonicalPath.get(canonicalPath.size() - 1));
		}
	}

	/**
	 * An empty list or map may be written or left out (the model reads both as empty).
	 */
	private static JsonNode withoutEmptyContainers(JsonNode node) {
		if (node instanceof ObjectNode object) {
			for (String name : List.copyOf(object.propertyNames())) {
				JsonNode child = withoutEmptyContainers(object.get(name));
				if (child.isContainer() && child.isEmpty()) {
					object.remove(name);
				}
			}
		}
		else if (node instanceof ArrayNode array) {
			array.forEach(LenientDecodingTest::withoutEmptyContainers);
		}
		return node;
	}

	private static JsonNode navigate(JsonNode node, List<Object> path) {
		JsonNode current = node;
		for (Object step : path) {
			current = (step instanceof String name) ? current.path(name) : current.path((Integer) step);
		}
		return current;
	}

	/** The path of every object property, at any depth, inside arrays too. */
	private static List<List<Object>> fieldPaths(JsonNode root) {
		List<List<Object>> paths = new ArrayList<>();
		collect(root, new ArrayList<>(), paths);
		return paths;
	}

	private static void collect(JsonNode node, List<Object> prefix, List<List<Object>> paths) {
		if (node instanceof ObjectNode object) {
			for (String name : object.propertyNames()) {
				List<Object> path = new ArrayList<>(prefix);
				path.add(name);
				paths.add(path);
				collect(object.get(name), path, paths);
			}
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				List<Object> path = new ArrayList<>(prefix);
				path.add(i);
				collect(array.get(i), path, paths);
			}
		}
	}

}
