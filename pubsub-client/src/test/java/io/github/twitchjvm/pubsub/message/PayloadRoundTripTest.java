package io.github.twitchjvm.pubsub.message;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.twitchjvm.pubsub.topic.TopicType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-style: for random instances of every variant of every family,
 * {@code decode(encode(x))} equals {@code x}; and every fixture survives decode, encode,
 * decode unchanged.
 */
class PayloadRoundTripTest {

	private static final int INSTANCES_PER_VARIANT = 200;

	private static final long SEED = 20250414L;

	private static final Map<String, TopicType> FIXTURE_FOLDERS = Map.of("whispers", TopicType.WHISPERS, "bits-v1",
			TopicType.BITS_V1, "bits-v2", TopicType.BITS_V2, "bits-badge-unlocks", TopicType.BITS_BADGE_UNLOCKS,
			"channel-points", TopicType.CHANNEL_POINTS, "subscriptions", TopicType.CHANNEL_SUBSCRIPTIONS,
			"chat-moderator-actions", TopicType.CHAT_MODERATOR_ACTIONS, "automod-queue", TopicType.AUTOMOD_QUEUE,
			"user-moderation-notifications", TopicType.USER_MODERATION_NOTIFICATIONS, "low-trust-users",
			TopicType.LOW_TRUST_USERS);

	private final PayloadCodec codec = PayloadCodec.standard();

	@ParameterizedTest
	@EnumSource(TopicType.class)
	void randomInstancesOfEveryVariantSurviveEncodeAndDecode(TopicType type) {
		List<Class<?>> variants = RandomPayloads.variantsOf(PayloadCodec.payloadType(type));
		assertThat(variants).isNotEmpty();
		RandomPayloads random = new RandomPayloads(SEED + type.ordinal());
		for (Class<?> variant : variants) {
			for (int i = 0; i < INSTANCES_PER_VARIANT; i++) {
				PubSubPayload payload = (PubSubPayload) random.record(variant);
				String json = this.codec.encode(payload);
				assertThat(this.codec.decode(type, json))
					.as("%s from %s (seed %d)", variant.getSimpleName(), json, SEED)
					.isEqualTo(payload);
			}
		}
	}

	@TestFactory
	Stream<DynamicTest> everyFixtureSurvivesDecodeEncodeDecode() throws IOException, URISyntaxException {
		Path root = Path.of(getClass().getResource("/fixtures").toURI());
		List<Path> files;
		try (Stream<Path> walk = Files.walk(root)) {
			files = walk.filter((path) -> path.toString().endsWith(".json")).sorted().toList();
		}
		assertThat(files).hasSizeGreaterThan(50);
		return files.stream().flatMap((file) -> {
			String relative = root.relativize(file).toString().replace('\\', '/');
			TopicType type = FIXTURE_FOLDERS.get(relative.substring(0, relative.indexOf('/')));
			List<String> messages = relative.endsWith("moderation_actions.json") ? Fixtures.elements(relative)
					: List.of(Fixtures.text(relative));
			return messages.stream().map((json) -> DynamicTest.dynamicTest(relative, () -> {
				PubSubPayload decoded = this.codec.decode(type, json);
				assertThat(this.codec.decode(type, this.codec.encode(decoded))).isEqualTo(decoded);
			}));
		});
	}

}
