package io.github.twitchjvm.bridge;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.twitchjvm.eventsub.event.ChannelChatNotificationEvent;
import io.github.twitchjvm.pubsub.message.BitsBadgeUnlock;
import io.github.twitchjvm.pubsub.message.PubSubPayload;
import io.github.twitchjvm.pubsub.topic.Topic;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code channel-bits-badge-unlocks.<channel_id>} rides on
 * {@code channel.chat.notification} @1 with {@code {broadcaster_user_id, user_id}} both
 * the channel (the topic's authorizing user reads the channel's chat). Only notices of
 * type {@code bits_badge_tier} convert; every other notice (subscriptions, raids,
 * announcements...) is skipped and counted.
 *
 * <p>
 * Mapping: {@code user_id} and {@code user_name} from the chatter (id and login),
 * {@code channel_id} and {@code channel_name} from the broadcaster, {@code badge_tier}
 * from {@code bits_badge_tier.tier}, {@code chat_message} from {@code message.text},
 * {@code time} from the notification's {@code message_timestamp}. Nothing PubSub carried
 * is missing.
 */
final class BitsBadgeConversion implements FamilyConversion {

	@Override
	public List<EventSubRide> rides(Topic topic) {
		String channel = topic.ids().get(0);
		return List.of(new EventSubRide("channel.chat.notification", "1",
				Map.of("broadcaster_user_id", channel, "user_id", channel)));
	}

	@Override
	public Conversion convert(Topic topic, SourceEvent source) {
		if (!(source.event() instanceof ChannelChatNotificationEvent notice)) {
			return Conversion.skip("not_a_chat_notification");
		}
		if (notice.noticeType() != ChannelChatNotificationEvent.NoticeType.BITS_BADGE_TIER) {
			return Conversion.skip("notice_type=" + notice.noticeType().name().toLowerCase(Locale.ROOT));
		}
		ObjectNode unlock = PubSubJson.object();
		PubSubJson.text(unlock, "user_id", notice.chatter().id());
		PubSubJson.text(unlock, "user_name", notice.chatter().login());
		PubSubJson.text(unlock, "channel_id", notice.broadcaster().id());
		PubSubJson.text(unlock, "channel_name", notice.broadcaster().login());
		ChannelChatNotificationEvent.BitsBadgeTier tier = notice.bitsBadgeTier();
		if (tier != null) {
			unlock.put("badge_tier", tier.tier());
		}
		PubSubJson.text(unlock, "chat_message", notice.message().text());
		PubSubJson.time(unlock, "time", source.sentAt());
		return Conversion.deliver(PubSubJson.write(unlock));
	}

	@Override
	public Map<Class<? extends PubSubPayload>, List<String>> absentFields() {
		return Map.of(BitsBadgeUnlock.class, List.of());
	}

	@Override
	public Map<Class<? extends PubSubPayload>, String> unsupported() {
		return Map.of();
	}

}
