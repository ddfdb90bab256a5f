package io.github.twitchjvm.pubsub.message;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.github.twitchjvm.pubsub.topic.TopicType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whisper fast path decodes the usual shape itself, exactly as the general path does,
 * and leaves every other shape to the general path.
 */
class WhisperFastPathTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JsonMapper mapper = PayloadJson.createMapper();

	private final WhisperCodec codec = new WhisperCodec(this.mapper);

	@ParameterizedTest
	@ValueSource(strings = { "whispers/whisper_received.json", "whispers/whisper_sent.json" })
	void decodesTheUsualShapeItselfAsTheGeneralPathDoes(String fixture) {
		String json = compact(Fixtures.text(fixture));
		WhisperEvent fast = WhisperFastPath.decode(json);
		assertThat(fast).isNotNull().isEqualTo(this.codec.decodeAnyShape(json));
		assertThat(PayloadCodec.standard().decode(TopicType.WHISPERS, json)).isEqualTo(fast);
	}

	@ParameterizedTest
	@ValueSource(strings = { "whispers/thread.json", "whispers/unknown_type.json",
			"whispers/whisper_received_data_only.json", "whispers/partial/whisper_received_without_content.json",
			"whispers/partial/whisper_received_without_thread_id.json",
			"whispers/partial/whisper_sent_without_tags_recipient_or_time.json", "whispers/partial/without_type.json" })
	void leavesOtherShapesToTheGeneralPath(String fixture) {
		assertThat(WhisperFastPath.decode(Fixtures.text(fixture))).isNull();
	}

	@Test
	void randomWhispersDecodeAlikeOnBothPaths() {
		RandomPayloads random = new RandomPayloads(13);
		int fast = 0;
		for (int i = 0; i < 500; i++) {
			WhisperEvent.Whisper whisper = random.record(WhisperEvent.Whisper.class);
			String json = PayloadCodec.standard()
				.encode(TopicType.WHISPERS,
						(i % 2 == 0) ? new WhisperEvent.Received(whisper) : new WhisperEvent.Sent(whisper));
			WhisperEvent decoded = WhisperFastPath.decode(json);
			if (decoded != null) {
				fast++;
				assertThat(decoded).isEqualTo(this.codec.decodeAnyShape(json));
			}
		}
		// Only whispers whose nullable fields were written as null take the general path.
		assertThat(fast).isGreaterThan(50);
	}

	/**
	 * Every field of every object, in turn removed, null, empty, of another JSON type,
	 * given twice: the fast path gives up or agrees with the general path.
	 */
	@Test
	void agreesWithTheGeneralPathOnEveryChangedField() {
		ObjectNode whisper = (ObjectNode) JSON.readTree(Fixtures.text("whispers/whisper_received.json"));
		List<String> variants = new ArrayList<>();
		changeEveryField(whisper, whisper, variants);
		int agreed = 0;
		for (String variant : variants) {
			WhisperEvent fast = WhisperFastPath.decode(variant);
			if (fast != null) {
				agreed++;
				assertThat(this.codec.decodeAnyShape(variant)).as(variant).isEqualTo(fast);
			}
		}
		assertThat(variants).hasSizeGreaterThan(200);
		assertThat(agreed).isGreaterThan(20);
	}

	private static void changeEveryField(ObjectNode root, JsonNode node, List<String> variants) {
		if (node instanceof ArrayNode array) {
			for (JsonNode element : array) {
				changeEveryField(root, element, variants);
			}
			return;
		}
		if (!(node instanceof ObjectNode object)) {
			return;
		}
		for (String name : List.copyOf(object.propertyNames())) {
			JsonNode original = object.get(name);
			for (JsonNode replacement : replacements(original)) {
				object.set(name, replacement);
				variants.add(JSON.writeValueAsString(root));
			}
			object.remove(name);
			variants.add(JSON.writeValueAsString(root));
			object.set(name, original);
			String json = JSON.writeValueAsString(root);
			String property = "\"" + name + "\":" + JSON.writeValueAsString(original);
			variants.add(json.replaceFirst("\\{", java.util.regex.Matcher.quoteReplacement("{" + property + ",")));
			changeEveryField(root, original, variants);
		}
	}

	private static List<JsonNode> replacements(JsonNode original) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		return List.of(nodes.nullNode(), nodes.stringNode(""), nodes.stringNode("12"), nodes.numberNode(12),
				nodes.numberNode(12.5), nodes.numberNode(1L << 40), nodes.numberNode(Long.MAX_VALUE),
				nodes.booleanNode(true), nodes.objectNode(), nodes.arrayNode(),
				nodes.arrayNode().add(nodes.objectNode()), nodes.stringNode(original.toString()));
	}

	/** Damaged text: whatever the fast path accepts, the general path reads alike. */
	@Test
	void agreesWithTheGeneralPathOnDamagedText() {
		String json = compact(Fixtures.text("whispers/whisper_received.json"));
		SplittableRandom random = new SplittableRandom(7);
		String alphabet = "{}[]:,\"\\ 0-9.etruflasn";
		int accepted = 0;
		for (int round = 0; round < 20_000; round++) {
			StringBuilder damaged = new StringBuilder(json);
			int at = random.nextInt(damaged.length());
			switch (random.nextInt(3)) {
				case 0 -> damaged.deleteCharAt(at);
				case 1 -> damaged.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
				default -> damaged.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
			}
			String text = damaged.toString();
			WhisperEvent fast = WhisperFastPath.decode(text);
			if (fast == null) {
				continue;
			}
			accepted++;
			assertThat(this.codec.decodeAnyShape(text)).as(text).isEqualTo(fast);
		}
		assertThat(accepted).isGreaterThan(1_000);
	}

	private static String compact(String json) {
		return JSON.writeValueAsString(JSON.readTree(json));
	}

}
