package io.github.twitchjvm.pubsub.message;

import tools.jackson.core.JsonParser;

/**
 * Makes streaming codecs as strict as data binding about text after the message's one
 * JSON object.
 */
final class TrailingContent {

	private TrailingContent() {
	}

	static void reject(JsonParser parser) {
		if (parser.nextToken() != null) {
			throw new MalformedPayloadException("unexpected content after the JSON object");
		}
	}

}
