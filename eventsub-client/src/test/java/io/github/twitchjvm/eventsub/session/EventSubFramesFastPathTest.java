package io.github.twitchjvm.eventsub.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast path reads the frames Twitch sends itself, exactly as the general parser does,
 * and leaves every other text to it.
 */
class EventSubFramesFastPathTest {

	private static final String NOTIFICATION = "{\"metadata\":{\"message_id\":\"befa7b53-d79d-478f-86b9-120f112b044e\","
			+ "\"message_type\":\"notification\",\"message_timestamp\":\"2022-11-16T10:11:12.464757833Z\","
			+ "\"subscription_type\":\"channel.cheer\",\"subscription_version\":\"1\"},\"payload\":{\"subscription\":"
			+ "{\"id\":\"f1c2a387-161a-49f9-a165-0f21d7a4e1c4\",\"status\":\"enabled\",\"type\":\"channel.cheer\","
			+ "\"version\":\"1\",\"cost\":0,\"condition\":{\"broadcaster_user_id\":\"1337\"},\"transport\":"
			+ "{\"method\":\"websocket\",\"session_id\":\"AQoQexAWVYKSTIu4ec_2VAxyuhAB\"},"
			+ "\"created_at\":\"2022-11-16T10:11:12.464757833Z\"},\"event\":%s}}";

	private static List<String> usualFrames() {
		List<String> frames = new ArrayList<>();
		for (String type : List.of("channel.cheer", "channel.moderate", "channel.chat.notification",
				"automod.message.hold", "user.whisper.message")) {
			frames.add(String.format(NOTIFICATION, fixture(type)));
		}
		frames.add("{\"metadata\":{\"message_id\":\"w\",\"message_type\":\"session_welcome\",\"message_timestamp\":"
				+ "\"2023-07-19T14:56:51.634234626Z\"},\"payload\":{\"session\":{\"id\":\"AQoQ\",\"status\":\"connected\","
				+ "\"connected_at\":\"2023-07-19T14:56:51.616329898Z\",\"keepalive_timeout_seconds\":10,"
				+ "\"reconnect_url\":null}}}");
		frames.add("{\"metadata\":{\"message_id\":\"k\",\"message_type\":\"session_keepalive\",\"message_timestamp\":"
				+ "\"2023-07-19T14:56:51.634234626Z\"},\"payload\":{}}");
		frames.add("{\"metadata\":{\"message_id\":\"r\",\"message_type\":\"session_reconnect\",\"message_timestamp\":"
				+ "\"2023-07-19T14:56:51.634234626Z\"},\"payload\":{\"session\":{\"id\":\"AQoQ\",\"status\":\"reconnecting\","
				+ "\"keepalive_timeout_seconds\":null,\"reconnect_url\":\"wss://eventsub.wss.twitch.tv?id=1\"}}}");
		frames.add("{\"metadata\":{\"message_id\":\"v\",\"message_type\":\"revocation\",\"message_timestamp\":"
				+ "\"2023-07-19T14:56:51.634234626Z\",\"subscription_type\":\"channel.cheer\",\"subscription_version\":"
				+ "\"1\"},\"payload\":{\"subscription\":{\"id\":\"x\",\"status\":\"authorization_revoked\",\"type\":"
				+ "\"channel.cheer\",\"version\":\"1\",\"cost\":0,\"condition\":{\"broadcaster_user_id\":\"1\"}}}}");
		return frames;
	}

	@Test
	void readsTheUsualFramesItselfAsTheGeneralParserDoes() {
		for (String frame : usualFrames()) {
			assertThat(EventSubFrames.readsFast(frame)).as(frame).isTrue();
			assertThat(EventSubFrames.parse(frame)).isEqualTo(EventSubFrames.parseAnyShape(frame));
		}
	}

	/** Damaged frames: both parsers agree on what they read and on what they refuse. */
	@Test
	void agreesWithTheGeneralParserOnDamagedFrames() {
		SplittableRandom random = new SplittableRandom(11);
		String alphabet = "{}[]:,\"\\ 0a-nul.e";
		int fast = 0;
		for (String frame : usualFrames()) {
			for (int round = 0; round < 3_000; round++) {
				StringBuilder damaged = new StringBuilder(frame);
				int at = random.nextInt(damaged.length());
				switch (random.nextInt(3)) {
					case 0 -> damaged.deleteCharAt(at);
					case 1 -> damaged.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
					default -> damaged.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
				}
				String text = damaged.toString();
				if (EventSubFrames.readsFast(text)) {
					fast++;
				}
				assertThat(outcome(() -> EventSubFrames.parse(text))).as(text)
					.isEqualTo(outcome(() -> EventSubFrames.parseAnyShape(text)));
			}
		}
		assertThat(fast).isGreaterThan(3_000);
	}

	private static Object outcome(java.util.function.Supplier<EventSubFrame> parse) {
		try {
			return parse.get();
		}
		catch (MalformedFrameException ex) {
			return "malformed";
		}
	}

	private static String fixture(String type) {
		try (InputStream in = EventSubFramesFastPathTest.class
			.getResourceAsStream("/fixtures/eventsub/" + type + ".json")) {
			if (in == null) {
				throw new IllegalStateException("No fixture for " + type);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
