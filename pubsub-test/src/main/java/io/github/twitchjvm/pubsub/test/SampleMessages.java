package io.github.twitchjvm.pubsub.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.github.twitchjvm.pubsub.topic.TopicType;

/**
 * Realistic inner messages of every documented topic family, in the shapes Twitch sent
 * (protocol reference, section 7): whispers received and sent, cheers, badge unlocks,
 * redemptions and reward changes, every kind of subscription and gift, moderator actions,
 * AutoMod and low-trust events. For demos and tests: publish them with
 * {@link FakeTwitchServer#publish(String, String)}. The ids inside are invented and do
 * not follow the topic.
 */
public final class SampleMessages {

	private static final String BASE = "/io/github/twitchjvm/pubsub/test/samples/";

	private static final Map<TopicType, Map<String, String>> SAMPLES = load();

	private SampleMessages() {
	}

	/**
	 * The samples of a family by name (such as {@code "resub"} or
	 * {@code "reward-redeemed"}), in a stable order.
	 * @param type the family
	 * @return the samples, one line of JSON each
	 */
	public static Map<String, String> of(TopicType type) {
		return SAMPLES.getOrDefault(type, Map.of());
	}

	/**
	 * One sample of the family.
	 * @param type the family
	 * @param name the sample's name, as a key of {@link #of(TopicType)}
	 * @return the message
	 * @throws IllegalArgumentException if there is no such sample
	 */
	public static String get(TopicType type, String name) {
		String sample = of(type).get(name);
		if (sample == null) {
			throw new IllegalArgumentException(
					"No sample '" + name + "' of " + type.prefix() + "; there are " + of(type).keySet());
		}
		return sample;
	}

	/**
	 * A sample of the family chosen at random.
	 * @param type the family
	 * @param random the source of the choice
	 * @return the message
	 */
	public static String random(TopicType type, Random random) {
		List<String> samples = List.copyOf(of(type).values());
		return samples.get(random.nextInt(samples.size()));
	}

	private static Map<TopicType, Map<String, String>> load() {
		Map<TopicType, Map<String, String>> samples = new EnumMap<>(TopicType.class);
		for (String path : read("index.txt").split("\n")) {
			if (path.isBlank()) {
				continue;
			}
			String prefix = path.substring(0, path.indexOf('/'));
			String name = path.substring(prefix.length() + 1, path.length() - ".json".length());
			TopicType type = TopicType.forPrefix(prefix);
			if (type == null) {
				throw new IllegalStateException("Sample of an unknown family: " + path);
			}
			samples.computeIfAbsent(type, (key) -> new LinkedHashMap<>()).put(name, read(path).strip());
		}
		samples.replaceAll((type, byName) -> Collections.unmodifiableMap(byName));
		return samples;
	}

	private static String read(String path) {
		try (InputStream in = SampleMessages.class.getResourceAsStream(BASE + path)) {
			if (in == null) {
				throw new IllegalStateException("Missing sample " + path);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
