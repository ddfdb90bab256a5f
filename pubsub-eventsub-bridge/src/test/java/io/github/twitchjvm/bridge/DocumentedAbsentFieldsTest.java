package io.github.twitchjvm.bridge;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.github.twitchjvm.pubsub.message.PubSubPayload;
import io.github.twitchjvm.pubsub.topic.TopicType;
import org.junit.jupiter.api.Test;

import static io.github.twitchjvm.bridge.EventSamples.fixture;
import static io.github.twitchjvm.bridge.EventSamples.moderate;
import static io.github.twitchjvm.bridge.EventSamples.payloads;
import static io.github.twitchjvm.bridge.EventSamples.sample;
import static io.github.twitchjvm.bridge.EventSamples.target;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link PayloadMigration#absentFields} documents is what handlers see: every field
 * it names is absent ({@code null}, or the empty value of its type) in every converted
 * payload of the variant, and every variant that converts is covered by a sample here.
 */
class DocumentedAbsentFieldsTest {

	private static final String MODERATION = "chat_moderator_actions.424596340.1337";

	private static final String GIFT = sample("channel.subscribe").replace("\"is_gift\": false", "\"is_gift\": true");

	@Test
	void everyDocumentedAbsentFieldIsAbsentInTheConvertedPayloads() {
		List<PubSubPayload> converted = converted();
		for (TopicType family : TopicType.values()) {
			Conversions.of(family).absentFields().forEach((variant, paths) -> {
				List<PubSubPayload> instances = converted.stream().filter(variant::isInstance).toList();
				assertThat(instances).as("samples of %s", variant.getName()).isNotEmpty();
				for (PubSubPayload instance : instances) {
					for (String path : paths) {
						if (!path.contains(" ")) {
							assertThat(valuesAt(instance, path)).as("%s.%s", variant.getSimpleName(), path)
								.allSatisfy((value) -> assertThat(isAbsent(value)).as("%s is absent", value).isTrue());
						}
					}
				}
			});
		}
	}

	@Test
	void aFieldThatIsNotDocumentedAbsentIsThere() {
		// The check above must be able to fail: a field the samples carry is not absent.
		PubSubPayload whisper = payloads("whispers.424596340", "user.whisper.message", "1",
				sample("user.whisper.message"))
			.get(0);
		assertThat(valuesAt(whisper, "whisper.body")).singleElement()
			.satisfies((body) -> assertThat(isAbsent(body)).isFalse());
	}

	private static List<PubSubPayload> converted() {
		List<PubSubPayload> all = new ArrayList<>();
		all.addAll(payloads("whispers.424596340", "user.whisper.message", "1", sample("user.whisper.message")));
		all.addAll(payloads("channel-bits-events-v2.1337", "channel.cheer", "1", sample("channel.cheer")));
		all.addAll(payloads("channel-bits-badge-unlocks.1337", "channel.chat.notification", "1",
				fixture("channel.chat.notification.bits_badge_tier.json")));
		for (String type : List.of("add", "update")) {
			String eventSubType = "channel.channel_points_custom_reward_redemption." + type;
			all.addAll(payloads("channel-points-channel-v1.1337", eventSubType, "1", sample(eventSubType)));
		}
		String subscriptions = "channel-subscribe-events-v1.1337";
		all.addAll(payloads(subscriptions, "channel.subscribe", "1", sample("channel.subscribe")));
		all.addAll(payloads(subscriptions, "channel.subscribe", "1", GIFT));
		all.addAll(
				payloads(subscriptions, "channel.subscription.message", "1", sample("channel.subscription.message")));
		for (String role : List.of("mod", "unmod", "vip", "unvip")) {
			all.addAll(payloads(MODERATION, "channel.moderate", "2", moderate(role, role, target(""))));
		}
		all.addAll(payloads(MODERATION, "channel.moderate", "2",
				moderate("timeout", "timeout", target(",\"expires_at\":\"2024-05-01T10:21:12Z\""))));
		all.addAll(payloads(MODERATION, "channel.moderate", "2", moderate("remove_permitted_term", "automod_terms",
				"{\"action\":\"remove\",\"list\":\"permitted\",\"terms\":[\"ok\"],\"from_automod\":false}")));
		for (String decision : List.of("approve", "deny")) {
			all.addAll(payloads(MODERATION, "channel.moderate", "2",
					moderate(decision + "_unban_request", "unban_request", target(",\"moderator_message\":\"\""))));
		}
		for (String type : List.of("hold", "update")) {
			all.addAll(payloads("automod-queue.424596340.1337", "automod.message." + type, "2",
					sample("automod.message." + type)));
			all.addAll(payloads("user-moderation-notifications.456.123", "channel.chat.user_message_" + type, "1",
					sample("channel.chat.user_message_" + type)));
		}
		for (String type : List.of("message", "update")) {
			all.addAll(payloads("low-trust-users.1050263436.1050263432", "channel.suspicious_user." + type, "1",
					sample("channel.suspicious_user." + type)));
		}
		return all;
	}

	/** The values at a record component path; {@code []} goes into every list element. */
	private static List<Object> valuesAt(Object root, String path) {
		List<Object> current = new ArrayList<>(List.of(root));
		for (String segment : path.split("\\.")) {
			boolean eachElement = segment.endsWith("[]");
			String name = eachElement ? segment.substring(0, segment.length() - 2) : segment;
			List<Object> next = new ArrayList<>();
			for (Object value : current) {
				if (value == null) {
					next.add(null);
					continue;
				}
				Object child = component(value, name);
				if (eachElement && child instanceof Collection<?> elements) {
					next.addAll(elements);
				}
				else {
					next.add(child);
				}
			}
			current = next;
		}
		return current;
	}

	private static Object component(Object record, String name) {
		for (RecordComponent component : record.getClass().getRecordComponents()) {
			if (component.getName().equals(name)) {
				try {
					return component.getAccessor().invoke(record);
				}
				catch (ReflectiveOperationException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		throw new AssertionError(record.getClass().getName() + " has no component " + name);
	}

	private static boolean isAbsent(Object value) {
		if (value == null || "".equals(value) || Boolean.FALSE.equals(value) || Instant.EPOCH.equals(value)) {
			return true;
		}
		if (value instanceof Number number) {
			return number.longValue() == 0;
		}
		if (value instanceof Collection<?> collection) {
			return collection.isEmpty();
		}
		if (value instanceof Map<?, ?> map) {
			return map.isEmpty();
		}
		if (value instanceof Enum<?> constant) {
			return constant.name().equals("UNRECOGNIZED");
		}
		if (value.getClass().isRecord()) {
			for (RecordComponent component : value.getClass().getRecordComponents()) {
				if (!isAbsent(component(value, component.getName()))) {
					return false;
				}
			}
			return true;
		}
		return false;
	}

}
