package io.github.twitchjvm.pubsub.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.twitchjvm.pubsub.message.Badge;
import io.github.twitchjvm.pubsub.message.PayloadCodec;
import io.github.twitchjvm.pubsub.message.WhisperEvent;
import io.github.twitchjvm.pubsub.topic.TopicType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Realistic messages: a whisper of about 1 KB on the wire, and one sample per topic
 * family.
 */
final class Samples {

	/**
	 * Stands for a value each message carries, such as a sequence number or a send time.
	 */
	static final String MARK = "000000000000000000";

	private Samples() {
	}

	/**
	 * A whisper as Twitch sent it (content twice: the {@code data} string and
	 * {@code data_object}), with {@link #MARK} as its nonce. As a MESSAGE frame it is
	 * about 1 KB.
	 */
	static String whisperTemplate() {
		WhisperEvent.Whisper whisper = new WhisperEvent.Whisper("c8a1f2e4-6b3d-4f0a-9e27-5d1b8c3a7f90", "41237",
				"58355428_129546453", "hey Kappa are you streaming tonight?", Instant.ofEpochSecond(1686987591),
				"129546453",
				new WhisperEvent.WhisperTags("pixel_wren", "Pixel_Wren", "#1E90FF", null, false,
						List.of(new WhisperEvent.WhisperEmote("25", 4, 8)), List.of(new Badge("premium", "1"))),
				new WhisperEvent.WhisperRecipient("58355428", "lunarfoxx", "LunarFoxx", "#9ACD32", null, false,
						List.of(), null),
				MARK);
		return PayloadCodec.standard().encode(TopicType.WHISPERS, new WhisperEvent.Received(whisper));
	}

	/**
	 * The template with {@code value} in place of the mark, in both copies of the
	 * content.
	 */
	static String whisper(String template, long value) {
		String digits = Long.toString(value);
		String padded = MARK.substring(0, Math.max(0, MARK.length() - digits.length())) + digits;
		return template.replace(MARK, padded);
	}

	/** One inner message per family, compact, from the samples the tests also use. */
	static Map<TopicType, String> perFamily() {
		JsonMapper json = JsonMapper.builder().build();
		Map<TopicType, String> samples = new LinkedHashMap<>();
		samples.put(TopicType.WHISPERS, compact(json, "whispers"));
		samples.put(TopicType.BITS_V2, compact(json, "bits"));
		samples.put(TopicType.BITS_BADGE_UNLOCKS, compact(json, "badge-unlocks"));
		samples.put(TopicType.CHANNEL_POINTS, compact(json, "channel-points"));
		samples.put(TopicType.CHANNEL_SUBSCRIPTIONS, compact(json, "subscriptions"));
		samples.put(TopicType.CHAT_MODERATOR_ACTIONS, compact(json, "moderator-actions"));
		samples.put(TopicType.AUTOMOD_QUEUE, compact(json, "automod-queue"));
		samples.put(TopicType.USER_MODERATION_NOTIFICATIONS, compact(json, "user-moderation"));
		samples.put(TopicType.LOW_TRUST_USERS, compact(json, "low-trust-users"));
		return samples;
	}

	private static String compact(JsonMapper json, String name) {
		try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name + ".json")) {
			if (in == null) {
				throw new IllegalStateException("No sample " + name);
			}
			return json.writeValueAsString(json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
