package io.github.twitchjvm.bridge;

import java.util.List;
import java.util.Map;

import io.github.twitchjvm.eventsub.event.ChatUserMessageHoldEvent;
import io.github.twitchjvm.eventsub.event.ChatUserMessageUpdateEvent;
import io.github.twitchjvm.pubsub.message.PubSubPayload;
import io.github.twitchjvm.pubsub.message.UserModerationEvent;
import io.github.twitchjvm.pubsub.topic.Topic;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code user-moderation-notifications.<user_id>.<channel_id>} rides on
 * {@code channel.chat.user_message_hold} @1 and
 * {@code channel.chat.user_message_update} @1, both {@code {broadcaster_user_id: channel,
 * user_id: user}}: the author's view of their own held messages. Each becomes an
 * {@code automod_caught_message} with the {@code message_id} and a status:
 * {@code PENDING} for a hold, {@code ALLOWED} for {@code approved}, {@code DENIED} for
 * {@code denied}. EventSub's {@code invalid} (no longer valid, for example expired) is
 * not PubSub's {@code EXPIRED} for certain, so its status is left out: the payload's
 * status is {@code UNRECOGNIZED}.
 */
final class UserModerationConversion implements FamilyConversion {

	@Override
	public List<EventSubRide> rides(Topic topic) {
		Map<String, String> condition = Map.of("broadcaster_user_id", topic.ids().get(1), "user_id",
				topic.ids().get(0));
		return List.of(new EventSubRide("channel.chat.user_message_hold", "1", condition),
				new EventSubRide("channel.chat.user_message_update", "1", condition));
	}

	@Override
	public Conversion convert(Topic topic, SourceEvent source) {
		if (source.event() instanceof ChatUserMessageHoldEvent held) {
			return Conversion.deliver(caught(held.messageId(), "PENDING"));
		}
		if (source.event() instanceof ChatUserMessageUpdateEvent updated) {
			return Conversion.deliver(caught(updated.messageId(), status(updated.status())));
		}
		return Conversion.skip("not_a_held_message");
	}

	private static String caught(String messageId, @Nullable String status) {
		ObjectNode data = PubSubJson.text(PubSubJson.object(), "message_id", messageId);
		return MessageParts.envelope("automod_caught_message", PubSubJson.text(data, "status", status));
	}

	private static @Nullable String status(ChatUserMessageUpdateEvent.Status status) {
		return switch (status) {
			case APPROVED -> "ALLOWED";
			case DENIED -> "DENIED";
			case INVALID, UNRECOGNIZED -> null;
		};
	}

	@Override
	public Map<Class<? extends PubSubPayload>, List<String>> absentFields() {
		return Map.of(UserModerationEvent.AutomodCaughtMessage.class, List.of("status of an invalidated message"));
	}

	@Override
	public Map<Class<? extends PubSubPayload>, String> unsupported() {
		return Map.of();
	}

}
