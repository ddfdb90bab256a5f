package io.github.twitchjvm.eventsub.event;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every fixture decodes to its type's record, encodes back to the same JSON (apart from
 * the {@code null}s Twitch writes for absent objects, and timestamp spelling), and
 * decodes again to an equal record.
 */
class FixtureDecodingTest {

	private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.*");

	private final EventSubCodec codec = EventSubCodec.standard();

	private final JsonMapper mapper = JsonMapper.builder().build();

	static List<String> complete() {
		return Fixtures.complete();
	}

	static List<String> all() {
		return java.util.stream.Stream.concat(Fixtures.complete().stream(), Fixtures.partial().stream()).toList();
	}

	@Test
	void everyTypedTypeHasAFixture() {
		assertThat(Fixtures.complete())
			.containsAll(EventSubTypes.all().stream().map((type) -> type.name() + ".json").toList());
	}

	@ParameterizedTest
	@MethodSource("all")
	void decodesToTheRecordOfItsType(String name) {
		EventSubType type = Fixtures.typeOf(name);
		EventSubEvent event = this.codec.decodeEvent(type.name(), type.version(), Fixtures.read(name));
		assertThat(event).isExactlyInstanceOf(type.eventClass());
	}

	@ParameterizedTest
	@MethodSource("all")
	void roundTripsToAnEqualRecord(String name) {
		EventSubType type = Fixtures.typeOf(name);
		EventSubEvent event = this.codec.decodeEvent(type.name(), type.version(), Fixtures.read(name));
		EventSubEvent again = this.codec.decodeEvent(type.name(), type.version(), this.codec.encode(event));
		assertThat(again).isEqualTo(event);
	}

	@ParameterizedTest
	@MethodSource("complete")
	void encodesToTwitchsShape(String name) {
		EventSubType type = Fixtures.typeOf(name);
		String json = Fixtures.read(name);
		String encoded = this.codec.encode(this.codec.decodeEvent(type.name(), type.version(), json));
		assertThat(normalized(this.mapper.readTree(encoded))).isEqualTo(normalized(this.mapper.readTree(json)));
	}

	/**
	 * Without {@code null} fields (the model leaves absent objects out), with timestamps
	 * in one spelling, and with Twitch's {@code sub_plan} (its sample's name for the
	 * tier) as {@code sub_tier}.
	 */
	private static JsonNode normalized(JsonNode node) {
		if (node.isObject()) {
			ObjectNode copy = JsonNodeFactory.instance.objectNode();
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				if (!field.getValue().isNull()) {
					String key = field.getKey().equals("sub_plan") ? "sub_tier" : field.getKey();
					copy.set(key, normalized(field.getValue()));
				}
			}
			return copy;
		}
		if (node.isArray()) {
			var copy = JsonNodeFactory.instance.arrayNode();
			for (Iterator<JsonNode> elements = node.values().iterator(); elements.hasNext();) {
				copy.add(normalized(elements.next()));
			}
			return copy;
		}
		if (node.isString() && TIMESTAMP.matcher(node.asString()).matches()) {
			return JsonNodeFactory.instance
				.stringNode(java.time.OffsetDateTime.parse(node.asString()).toInstant().toString());
		}
		return node;
	}

	@Test
	void instantToStringIsTheNormalForm() {
		assertThat(Instant.parse("2022-12-02T15:00:00.00Z").toString()).isEqualTo("2022-12-02T15:00:00Z");
	}

}
