package io.github.twitchjvm.pubsub.message;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.github.twitchjvm.pubsub.topic.TopicType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the inner-message fixtures under {@code src/test/resources/fixtures} (see the
 * README there).
 */
final class Fixtures {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Fixtures() {
	}

	static String text(String path) {
		try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + path);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The elements of a fixture that holds a JSON array of inner messages, each as
	 * compact text.
	 */
	static List<String> elements(String path) {
		List<String> elements = new ArrayList<>();
		for (JsonNode element : MAPPER.readTree(text(path))) {
			elements.add(MAPPER.writeValueAsString(element));
		}
		return elements;
	}

	static PubSubPayload decode(TopicType type, String path) {
		return PayloadCodec.standard().decode(type, text(path));
	}

	static <T> T decode(TopicType type, String path, Class<T> expected) {
		return expected.cast(decode(type, path));
	}

}
