package io.github.twitchjvm.bridge;

import java.util.List;
import java.util.Map;

import io.github.twitchjvm.eventsub.event.WhisperReceivedEvent;
import io.github.twitchjvm.pubsub.message.PubSubPayload;
import io.github.twitchjvm.pubsub.message.WhisperEvent;
import io.github.twitchjvm.pubsub.topic.Topic;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code whispers.<user_id>} rides on {@code user.whisper.message} @1
 * ({@code {user_id}}): each whisper the user receives becomes a {@code whisper_received}
 * message with both the {@code data} string and the {@code data_object}, as Twitch sent
 * them.
 *
 * <p>
 * Mapping: {@code message_id} from {@code whisper_id}; {@code thread_id} from the two
 * user ids, {@code "<lower>_<higher>"} as Twitch formed it; {@code body} from
 * {@code whisper.text}; {@code sent_ts} from the notification's {@code message_timestamp}
 * (Unix seconds, as PubSub had it); {@code from_id}, {@code tags.login},
 * {@code tags.display_name} from the sender; {@code recipient.id}, {@code username},
 * {@code display_name} from the receiver. EventSub does not deliver sent whispers nor
 * thread updates, and carries no numeric whisper id, colours, badges, emotes, user types,
 * Turbo, profile image or nonce.
 */
final class WhisperConversion implements FamilyConversion {

	@Override
	public List<EventSubRide> rides(Topic topic) {
		return List.of(new EventSubRide("user.whisper.message", "1", Map.of("user_id", topic.ids().get(0))));
	}

	@Override
	public Conversion convert(Topic topic, SourceEvent source) {
		if (!(source.event() instanceof WhisperReceivedEvent whisper)) {
			return Conversion.skip("not_a_whisper");
		}
		ObjectNode content = PubSubJson.object();
		PubSubJson.text(content, "message_id", whisper.whisperId());
		PubSubJson.text(content, "thread_id", threadId(whisper.from().id(), whisper.to().id()));
		PubSubJson.text(content, "body", whisper.whisper().text());
		if (PubSubJson.isPresent(source.sentAt())) {
			content.put("sent_ts", source.sentAt().getEpochSecond());
		}
		numericId(content, "from_id", whisper.from().id());
		ObjectNode tags = PubSubJson.text(PubSubJson.object(), "login", whisper.from().login());
		PubSubJson.child(content, "tags", PubSubJson.text(tags, "display_name", whisper.from().name()));
		ObjectNode recipient = numericId(PubSubJson.object(), "id", whisper.to().id());
		PubSubJson.text(recipient, "username", whisper.to().login());
		PubSubJson.child(content, "recipient", PubSubJson.text(recipient, "display_name", whisper.to().name()));
		ObjectNode message = PubSubJson.object();
		message.put("type", "whisper_received");
		message.put("data", PubSubJson.write(content));
		message.set("data_object", content);
		return Conversion.deliver(PubSubJson.write(message));
	}

	/**
	 * A whisper thread's id: the two user ids, the numerically lower first, joined by
	 * {@code _}.
	 */
	static @Nullable String threadId(String first, String second) {
		if (!isNumeric(first) || !isNumeric(second)) {
			return null;
		}
		boolean firstIsLower = (first.length() != second.length()) ? first.length() < second.length()
				: first.compareTo(second) <= 0;
		return firstIsLower ? first + "_" + second : second + "_" + first;
	}

	/** Twitch wrote whisper user ids as JSON numbers. */
	private static ObjectNode numericId(ObjectNode node, String name, String id) {
		if (isNumeric(id) && id.length() <= 18) {
			node.put(name, Long.parseLong(id));
		}
		else {
			PubSubJson.text(node, name, id);
		}
		return node;
	}

	private static boolean isNumeric(String id) {
		if (id.isEmpty()) {
			return false;
		}
		for (int i = 0; i < id.length(); i++) {
			if (id.charAt(i) < '0' || id.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

	@Override
	public Map<Class<? extends PubSubPayload>, List<String>> absentFields() {
		return Map.of(WhisperEvent.Received.class,
				List.of("whisper.id", "whisper.nonce", "whisper.tags.color", "whisper.tags.userType",
						"whisper.tags.turbo", "whisper.tags.emotes", "whisper.tags.badges", "whisper.recipient.color",
						"whisper.recipient.userType", "whisper.recipient.turbo", "whisper.recipient.badges",
						"whisper.recipient.profileImage"));
	}

	@Override
	public Map<Class<? extends PubSubPayload>, String> unsupported() {
		return Map.of(WhisperEvent.Sent.class,
				"EventSub does not deliver the whispers a user sends: user.whisper.message @1 "
						+ "(@TwitchEvent(\"user.whisper.message\")) carries received whispers only, "
						+ "which arrive as WhisperEvent.Received",
				WhisperEvent.ThreadUpdate.class,
				"EventSub does not deliver whisper thread updates (read state, archive, mute): no EventSub type "
						+ "replaces them; received whispers arrive as WhisperEvent.Received from "
						+ "user.whisper.message @1 (@TwitchEvent(\"user.whisper.message\"))");
	}

}
