package io.github.twitchjvm.bridge;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.twitchjvm.eventsub.event.ChannelSubscribeEvent;
import io.github.twitchjvm.eventsub.event.ChannelSubscriptionMessageEvent;
import io.github.twitchjvm.eventsub.event.EmoteText;
import io.github.twitchjvm.eventsub.event.SubscriptionTier;
import io.github.twitchjvm.eventsub.event.User;
import io.github.twitchjvm.pubsub.message.PubSubPayload;
import io.github.twitchjvm.pubsub.message.SubscriptionEvent;
import io.github.twitchjvm.pubsub.topic.Topic;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code channel-subscribe-events-v1.<channel_id>} rides on {@code channel.subscribe} @1
 * and {@code channel.subscription.message} @1, both {@code {broadcaster_user_id}}.
 *
 * <ul>
 * <li>{@code channel.subscribe}, not a gift: {@code sub} with the subscriber, channel,
 * tier and {@code is_gift false}.</li>
 * <li>{@code channel.subscribe}, a gift: {@code subgift} with the recipient
 * ({@code recipient_id}, {@code recipient_user_name}, {@code recipient_display_name}),
 * channel, tier and {@code is_gift true}; EventSub does not name the gifter here.</li>
 * <li>{@code channel.subscription.message}: {@code resub} with the subscriber, channel,
 * tier, {@code cumulative_months}, {@code streak_months} (when shared),
 * {@code sub_message} (text and emotes, {@code begin} as {@code start}) and
 * {@code multi_month_duration} from {@code duration_months}.</li>
 * </ul>
 * {@code time} is the notification's {@code message_timestamp}. A tier is written as
 * PubSub wrote it ({@code "1000"}...); EventSub does not say Prime, so a Prime
 * subscription is {@code "1000"}.
 *
 * <p>
 * {@code channel.subscription.gift} is not ridden: PubSub sent one {@code subgift} per
 * recipient, and EventSub already sends one {@code channel.subscribe} per recipient,
 * while its one {@code channel.subscription.gift} per gift names no recipient. Riding it
 * too would deliver every gift twice.
 */
final class SubscriptionConversion implements FamilyConversion {

	@Override
	public List<EventSubRide> rides(Topic topic) {
		Map<String, String> condition = Map.of("broadcaster_user_id", topic.ids().get(0));
		return List.of(new EventSubRide("channel.subscribe", "1", condition),
				new EventSubRide("channel.subscription.message", "1", condition));
	}

	@Override
	public Conversion convert(Topic topic, SourceEvent source) {
		if (source.event() instanceof ChannelSubscribeEvent subscribed) {
			ObjectNode message = PubSubJson.object();
			if (subscribed.isGift()) {
				channel(message, subscribed.broadcaster(), source.sentAt(), subscribed.tier());
				message.put("is_gift", true);
				PubSubJson.text(message, "recipient_id", subscribed.user().id());
				PubSubJson.text(message, "recipient_user_name", subscribed.user().login());
				PubSubJson.text(message, "recipient_display_name", subscribed.user().name());
				message.put("context", "subgift");
			}
			else {
				subscriber(message, subscribed.user());
				channel(message, subscribed.broadcaster(), source.sentAt(), subscribed.tier());
				message.put("is_gift", false);
				message.put("context", "sub");
			}
			return Conversion.deliver(PubSubJson.write(message));
		}
		if (source.event() instanceof ChannelSubscriptionMessageEvent resubscribed) {
			ObjectNode message = subscriber(PubSubJson.object(), resubscribed.user());
			channel(message, resubscribed.broadcaster(), source.sentAt(), resubscribed.tier());
			message.put("cumulative_months", resubscribed.cumulativeMonths());
			Integer streak = resubscribed.streakMonths();
			if (streak != null) {
				message.put("streak_months", streak);
			}
			message.set("sub_message", subMessage(resubscribed.message()));
			message.put("multi_month_duration", resubscribed.durationMonths());
			message.put("context", "resub");
			return Conversion.deliver(PubSubJson.write(message));
		}
		return Conversion.skip("not_a_subscription");
	}

	private static ObjectNode subscriber(ObjectNode message, User user) {
		PubSubJson.text(message, "user_name", user.login());
		PubSubJson.text(message, "display_name", user.name());
		return PubSubJson.text(message, "user_id", user.id());
	}

	private static void channel(ObjectNode message, User broadcaster, Instant sentAt, SubscriptionTier tier) {
		PubSubJson.text(message, "channel_name", broadcaster.login());
		PubSubJson.text(message, "channel_id", broadcaster.id());
		PubSubJson.time(message, "time", sentAt);
		PubSubJson.text(message, "sub_plan", subPlan(tier));
	}

	private static @Nullable String subPlan(SubscriptionTier tier) {
		return switch (tier) {
			case TIER_1 -> "1000";
			case TIER_2 -> "2000";
			case TIER_3 -> "3000";
			case UNRECOGNIZED -> null;
		};
	}

	private static ObjectNode subMessage(EmoteText text) {
		ObjectNode message = PubSubJson.object();
		message.put("message", text.text());
		if (!text.emotes().isEmpty()) {
			ArrayNode emotes = message.putArray("emotes");
			for (EmoteText.EmotePosition emote : text.emotes()) {
				ObjectNode position = emotes.addObject();
				position.put("start", emote.begin());
				position.put("end", emote.end());
				PubSubJson.text(position, "id", emote.id());
			}
		}
		return message;
	}

	@Override
	public Map<Class<? extends PubSubPayload>, List<String>> absentFields() {
		return Map.of(SubscriptionEvent.Sub.class,
				List.of("subPlanName", "cumulativeMonths", "streakMonths", "subMessage", "multiMonthDuration"),
				SubscriptionEvent.Resub.class, List.of("subPlanName"), SubscriptionEvent.SubGift.class,
				List.of("userName", "displayName", "userId", "subPlanName", "months", "cumulativeMonths",
						"streakMonths", "subMessage", "multiMonthDuration"));
	}

	@Override
	public Map<Class<? extends PubSubPayload>, String> unsupported() {
		String gift = "channel.subscribe @1 does not say whether a gift was anonymous or went to a current "
				+ "subscriber: every gifted subscription arrives as SubGift with the recipient only; for the gifter "
				+ "and is_anonymous use channel.subscription.gift @1 (@TwitchEvent(\"channel.subscription.gift\"))";
		return Map.of(SubscriptionEvent.AnonSubGift.class, gift, SubscriptionEvent.ResubGift.class, gift,
				SubscriptionEvent.AnonResubGift.class, gift, SubscriptionEvent.ExtendSub.class,
				"EventSub has no event for a subscription extended by a month: no EventSub type replaces extendsub");
	}

}
