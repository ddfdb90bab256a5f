package io.github.twitchjvm.bridge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.github.twitchjvm.eventsub.event.EventSubCodec;
import io.github.twitchjvm.eventsub.event.EventSubEvent;
import io.github.twitchjvm.pubsub.message.PayloadCodec;
import io.github.twitchjvm.pubsub.message.PubSubPayload;
import io.github.twitchjvm.pubsub.topic.Topic;
import io.github.twitchjvm.pubsub.test.eventsub.FakeEventSub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * EventSub events for the conversion tests: the fake server's samples (Twitch's reference
 * samples), the copied fixtures, and small events written here; and the path from an
 * event to the PubSub payloads a handler would decode.
 */
final class EventSamples {

	static final Instant SENT_AT = Instant.parse("2024-05-01T10:11:12.123456789Z");

	static final String MESSAGE_ID = "befa7b53-d79d-478f-86b9-120f112b044e";

	static final String CHANNEL = "1337";

	static final String MODERATOR = "424596340";

	private EventSamples() {
	}

	/** The fake server's sample of a type. */
	static String sample(String type) {
		return FakeEventSub.sampleEvent(type);
	}

	/** A fixture under {@code src/test/resources/fixtures/eventsub}. */
	static String fixture(String name) {
		try (InputStream in = EventSamples.class.getResourceAsStream("/fixtures/eventsub/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A {@code channel.moderate} event in channel 1337 by moderator 424596340 (quotrok),
	 * with the action's object.
	 */
	static String moderate(String action, String objectName, String objectJson) {
		return "{\"broadcaster_user_id\":\"1337\",\"broadcaster_user_login\":\"glowillig\","
				+ "\"broadcaster_user_name\":\"glowillig\",\"moderator_user_id\":\"424596340\","
				+ "\"moderator_user_login\":\"quotrok\",\"moderator_user_name\":\"quotrok\",\"action\":\"" + action
				+ "\"" + ((objectName != null) ? ",\"" + objectName + "\":" + objectJson : "") + "}";
	}

	/** {@code {user_id, user_login, user_name}} of TwitchDev, plus more fields. */
	static String target(String more) {
		return "{\"user_id\":\"141981764\",\"user_login\":\"twitchdev\",\"user_name\":\"TwitchDev\"" + more + "}";
	}

	static Conversion conversion(String topic, String type, String version, String eventJson) {
		Topic parsed = Topic.parse(topic);
		EventSubEvent event = EventSubCodec.standard().decodeEvent(type, version, eventJson);
		return Conversions.of(parsed.type())
			.convert(parsed, new SourceEvent(type, version, MESSAGE_ID, SENT_AT, event));
	}

	/** Converts, and decodes each message as a PubSub handler would. */
	static List<PubSubPayload> payloads(String topic, String type, String version, String eventJson) {
		Conversion conversion = conversion(topic, type, version, eventJson);
		assertThat(conversion.skipReason()).as("skip reason").isNull();
		Topic parsed = Topic.parse(topic);
		return conversion.messages()
			.stream()
			.map((text) -> PayloadCodec.standard().decode(parsed.type(), text))
			.toList();
	}

	static PubSubPayload payload(String topic, String type, String version, String eventJson) {
		List<PubSubPayload> payloads = payloads(topic, type, version, eventJson);
		assertThat(payloads).hasSize(1);
		return payloads.get(0);
	}

}
