package io.github.twitchjvm.bridge;

import java.util.List;
import java.util.Map;

import io.github.twitchjvm.eventsub.event.ChannelCheerEvent;
import io.github.twitchjvm.eventsub.event.User;
import io.github.twitchjvm.pubsub.message.BitsEvent;
import io.github.twitchjvm.pubsub.message.PubSubPayload;
import io.github.twitchjvm.pubsub.topic.Topic;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code channel-bits-events-v1.<channel_id>} and {@code -v2} ride on
 * {@code channel.cheer} @1 ({@code {broadcaster_user_id}}); a v1 and a v2 topic of one
 * channel share one subscription at Twitch. Each cheer becomes a {@code bits_event}.
 *
 * <p>
 * Mapping: {@code user_name} and {@code user_id} from the cheerer (left out when
 * anonymous), {@code channel_name} and {@code channel_id} from the broadcaster,
 * {@code chat_message} from {@code message}, {@code bits_used} from {@code bits},
 * {@code is_anonymous} (v2 only, as PubSub had it), {@code time} from the notification's
 * {@code message_timestamp}, {@code message_id} from the notification's
 * {@code message_id}, and the format's constants {@code version "1.0"},
 * {@code context "cheer"}. EventSub carries no total of the user's bits in the channel
 * and no badge tier the cheer unlocked.
 */
final class BitsConversion implements FamilyConversion {

	private final boolean carriesAnonymity;

	/**
	 * @param carriesAnonymity whether the topic's messages carry {@code is_anonymous} (v2
	 * did, v1 did not)
	 */
	BitsConversion(boolean carriesAnonymity) {
		this.carriesAnonymity = carriesAnonymity;
	}

	@Override
	public List<EventSubRide> rides(Topic topic) {
		return List.of(new EventSubRide("channel.cheer", "1", Map.of("broadcaster_user_id", topic.ids().get(0))));
	}

	@Override
	public Conversion convert(Topic topic, SourceEvent source) {
		if (!(source.event() instanceof ChannelCheerEvent cheer)) {
			return Conversion.skip("not_a_cheer");
		}
		ObjectNode data = PubSubJson.object();
		User user = cheer.user();
		if (user != null) {
			PubSubJson.text(data, "user_name", user.login());
		}
		PubSubJson.text(data, "channel_name", cheer.broadcaster().login());
		if (user != null) {
			PubSubJson.text(data, "user_id", user.id());
		}
		PubSubJson.text(data, "channel_id", cheer.broadcaster().id());
		PubSubJson.time(data, "time", source.sentAt());
		PubSubJson.text(data, "chat_message", cheer.message());
		data.put("bits_used", cheer.bits());
		if (this.carriesAnonymity) {
			data.put("is_anonymous", cheer.isAnonymous());
		}
		data.put("context", "cheer");
		ObjectNode message = PubSubJson.object();
		message.set("data", data);
		message.put("version", "1.0");
		message.put("message_type", "bits_event");
		PubSubJson.text(message, "message_id", source.messageId());
		return Conversion.deliver(PubSubJson.write(message));
	}

	@Override
	public Map<Class<? extends PubSubPayload>, List<String>> absentFields() {
		return Map.of(BitsEvent.Cheer.class, List.of("totalBitsUsed", "badgeEntitlement", "badgeTierEntitlement"));
	}

	@Override
	public Map<Class<? extends PubSubPayload>, String> unsupported() {
		return Map.of();
	}

}
