package io.github.twitchjvm.pubsub.message;

import io.github.twitchjvm.jackson.TwitchJson;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Jackson mapper behind every payload codec: the set-up both models share
 * ({@link TwitchJson}: snake_case names, unknown fields ignored, unknown enum values as
 * {@code UNRECOGNIZED}, Twitch's timestamps, and leniency about fields), with nothing of
 * PubSub's own; and what the codecs need around it.
 */
final class PayloadJson {

	private PayloadJson() {
	}

	/**
	 * A reader for a value in the middle of a document that a streaming codec walks: the
	 * trailing-token check belongs to the whole document, which the codec makes itself.
	 */
	static ObjectReader embeddedReader(ObjectMapper mapper, Class<?> type) {
		return mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
	}

	/**
	 * Parses a whole message that must be exactly one JSON object. Codecs use it on their
	 * rare slow path, before they call a message they could not bind an unknown variant.
	 */
	static JsonNode singleObject(ObjectMapper mapper, String json) {
		JsonNode tree = mapper.readerFor(JsonNode.class)
			.with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.readValue(json);
		if (tree == null || !tree.isObject()) {
			throw new MalformedPayloadException("expected a JSON object");
		}
		return tree;
	}

	static JsonMapper createMapper() {
		return TwitchJson.mapperBuilder(PayloadJson.class.getPackage()).build();
	}

}
