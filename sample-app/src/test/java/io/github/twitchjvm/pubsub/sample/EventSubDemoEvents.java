package io.github.twitchjvm.pubsub.sample;

import java.time.Instant;
import java.util.UUID;

import io.github.twitchjvm.pubsub.sample.DemoScenario.Person;
import io.github.twitchjvm.pubsub.sample.DemoStory.AutomodHeld;
import io.github.twitchjvm.pubsub.sample.DemoStory.AutomodResolved;
import io.github.twitchjvm.pubsub.sample.DemoStory.BadgeUnlock;
import io.github.twitchjvm.pubsub.sample.DemoStory.Beat;
import io.github.twitchjvm.pubsub.sample.DemoStory.ChatNotice;
import io.github.twitchjvm.pubsub.sample.DemoStory.Cheer;
import io.github.twitchjvm.pubsub.sample.DemoStory.HeldMessage;
import io.github.twitchjvm.pubsub.sample.DemoStory.ModeratorAction;
import io.github.twitchjvm.pubsub.sample.DemoStory.OwnMessage;
import io.github.twitchjvm.pubsub.sample.DemoStory.OwnMessageHeld;
import io.github.twitchjvm.pubsub.sample.DemoStory.OwnMessageResolved;
import io.github.twitchjvm.pubsub.sample.DemoStory.Redeemed;
import io.github.twitchjvm.pubsub.sample.DemoStory.Redemption;
import io.github.twitchjvm.pubsub.sample.DemoStory.RedemptionResolved;
import io.github.twitchjvm.pubsub.sample.DemoStory.Subscribed;
import io.github.twitchjvm.pubsub.sample.DemoStory.SuspiciousMessage;
import io.github.twitchjvm.pubsub.sample.DemoStory.TreatmentUpdate;
import io.github.twitchjvm.pubsub.sample.DemoStory.Whisper;
import io.github.twitchjvm.pubsub.test.eventsub.FakeEventSub;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's beats as Twitch's EventSub sends them: each is the shipped sample of its
 * type (every field Twitch writes, {@code null}s included) with the story's people,
 * amounts and texts written in.
 */
final class EventSubDemoEvents {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String REDEMPTION_ADD = "channel.channel_points_custom_reward_redemption.add";

	private static final String REDEMPTION_UPDATE = "channel.channel_points_custom_reward_redemption.update";

	private final Person broadcaster;

	/**
	 * Events of one channel.
	 * @param broadcasterId the channel, who is also the bot
	 * @param broadcasterLogin the channel's login
	 */
	EventSubDemoEvents(String broadcasterId, String broadcasterLogin) {
		this.broadcaster = new Person(broadcasterId, broadcasterLogin, broadcasterLogin);
	}

	/**
	 * The notification that tells a beat of the story.
	 * @param beat what happens
	 * @return the EventSub type and event
	 */
	Notification of(Beat beat) {
		if (beat instanceof Whisper whisper) {
			return new Notification("user.whisper.message", whisper(whisper.from(), whisper.text()));
		}
		if (beat instanceof Cheer cheer) {
			return cheer(cheer);
		}
		if (beat instanceof BadgeUnlock unlock) {
			return badgeUnlock(unlock);
		}
		if (beat instanceof ChatNotice notice) {
			return resubNotice(notice);
		}
		if (beat instanceof Redeemed redeemed) {
			return new Notification(REDEMPTION_ADD,
					write(redemption(redeemed.redemption(), REDEMPTION_ADD, "unfulfilled")));
		}
		if (beat instanceof RedemptionResolved resolved) {
			return new Notification(REDEMPTION_UPDATE, write(redemption(resolved.redemption(), REDEMPTION_UPDATE,
					resolved.fulfilled() ? "fulfilled" : "canceled")));
		}
		if (beat instanceof Subscribed subscribed) {
			return subscription(subscribed);
		}
		if (beat instanceof ModeratorAction action) {
			return moderation(action);
		}
		if (beat instanceof AutomodHeld held) {
			return new Notification("automod.message.hold",
					write(held(held.message(), sample("automod.message.hold"))));
		}
		if (beat instanceof AutomodResolved resolved) {
			return automodUpdate(resolved);
		}
		if (beat instanceof OwnMessageHeld held) {
			return new Notification("channel.chat.user_message_hold",
					write(ownMessage(held.message(), sample("channel.chat.user_message_hold"))));
		}
		if (beat instanceof OwnMessageResolved resolved) {
			return ownMessageUpdate(resolved);
		}
		if (beat instanceof SuspiciousMessage message) {
			return suspiciousMessage(message);
		}
		return suspiciousUpdate((TreatmentUpdate) beat);
	}

	/**
	 * A whisper to the bot, in the shape of {@code user.whisper.message}.
	 * @param from the sender
	 * @param text the whisper's text
	 * @return the event JSON
	 */
	String whisper(Person from, String text) {
		ObjectNode event = sample("user.whisper.message");
		writeTo(from, event, "from_user_");
		writeTo(this.broadcaster, event, "to_user_");
		event.put("whisper_id", UUID.nameUUIDFromBytes((from.id() + text).getBytes()).toString());
		event.putObject("whisper").put("text", text);
		return write(event);
	}

	private Notification cheer(Cheer cheer) {
		ObjectNode event = sample("channel.cheer");
		Person from = cheer.from();
		event.put("is_anonymous", from == null);
		if (from == null) {
			writeNull(event, "user_");
		}
		else {
			writeTo(from, event, "user_");
		}
		writeTo(this.broadcaster, event, "broadcaster_user_");
		event.put("message", cheer.message());
		event.put("bits", cheer.bits());
		return new Notification("channel.cheer", write(event));
	}

	private Notification badgeUnlock(BadgeUnlock unlock) {
		ObjectNode event = chatNotification(unlock.viewer());
		int tier = unlock.tier();
		event.put("system_message", unlock.viewer().name() + " just earned a new " + (tier / 1000) + "K Bits badge!");
		event.put("notice_type", "bits_badge_tier");
		event.putNull("resub");
		event.putObject("bits_badge_tier").put("tier", tier);
		plainText(event.putObject("message"), unlock.text());
		return new Notification("channel.chat.notification", write(event));
	}

	/**
	 * Chat notices of every kind arrive on the badge topic's subscription; only Bits
	 * badge tiers have a PubSub counterpart, so a resub shows a notice the bridge skips.
	 */
	private Notification resubNotice(ChatNotice notice) {
		ObjectNode event = chatNotification(notice.viewer());
		event.put("message_id", notice.id());
		event.put("system_message", notice.viewer().name() + " subscribed at Tier 1. They've subscribed for "
				+ notice.months() + " months!");
		((ObjectNode) event.get("resub")).put("cumulative_months", notice.months());
		return new Notification("channel.chat.notification", write(event));
	}

	private ObjectNode chatNotification(Person chatter) {
		ObjectNode event = sample("channel.chat.notification");
		writeTo(this.broadcaster, event, "broadcaster_user_");
		writeTo(chatter, event, "chatter_user_");
		return event;
	}

	private ObjectNode redemption(Redemption redemption, String type, String status) {
		ObjectNode event = sample(type);
		event.put("id", redemption.id());
		writeTo(this.broadcaster, event, "broadcaster_user_");
		writeTo(redemption.viewer(), event, "user_");
		event.put("user_input", redemption.input());
		event.put("status", status);
		event.putObject("reward")
			.put("id", redemption.reward().id())
			.put("title", redemption.reward().title())
			.put("cost", redemption.reward().cost())
			.put("prompt", redemption.reward().prompt());
		event.put("redeemed_at", redemption.redeemedAt().toString());
		return event;
	}

	/**
	 * A new subscription or a gift, which names its recipient as the subscriber (the
	 * gifter is on {@code channel.subscription.gift}), or a resub with its message.
	 */
	private Notification subscription(Subscribed subscribed) {
		String tier = String.valueOf(subscribed.tier());
		if (subscribed.kind().equals("resub")) {
			ObjectNode event = sample("channel.subscription.message");
			writeTo(subscribed.viewer(), event, "user_");
			writeTo(this.broadcaster, event, "broadcaster_user_");
			event.put("tier", tier);
			event.putObject("message").put("text", subscribed.text()).putArray("emotes");
			event.put("cumulative_months", subscribed.months());
			event.put("streak_months", subscribed.months());
			event.put("duration_months", 1);
			return new Notification("channel.subscription.message", write(event));
		}
		ObjectNode event = sample("channel.subscribe");
		writeTo(subscribed.viewer(), event, "user_");
		writeTo(this.broadcaster, event, "broadcaster_user_");
		event.put("tier", tier);
		event.put("is_gift", subscribed.kind().equals("gift"));
		return new Notification("channel.subscribe", write(event));
	}

	private Notification moderation(ModeratorAction moderation) {
		ObjectNode event = sample("channel.moderate");
		writeTo(this.broadcaster, event, "broadcaster_user_");
		writeTo(moderation.moderator(), event, "moderator_user_");
		event.putNull("mod");
		String action = moderation.action();
		event.put("action", action);
		Person target = moderation.target();
		String reason = moderation.details().getOrDefault("reason", "");
		if (target != null) {
			ObjectNode details = writeTo(target, event.putObject(action), "user_");
			switch (action) {
				case "ban" -> details.put("reason", reason);
				case "timeout" -> details.put("reason", reason)
					.put("expires_at",
							Instant.now()
								.plusSeconds(Long.parseLong(moderation.details().getOrDefault("seconds", "600")))
								.toString());
				case "delete" -> details.put("message_id", moderation.id())
					.put("message_body", moderation.details().getOrDefault("text", ""));
				case "warn" -> details.put("reason", reason).putArray("chat_rules_cited").add("Be kind");
				default -> {
					// untimeout, vip, mod: the user only.
				}
			}
		}
		else if (action.equals("slow")) {
			event.putObject("slow")
				.put("wait_time_seconds", Integer.parseInt(moderation.details().getOrDefault("seconds", "30")));
		}
		else if (action.equals("followers")) {
			event.putObject("followers")
				.put("follow_duration_minutes", Integer.parseInt(moderation.details().getOrDefault("minutes", "10")));
		}
		return new Notification("channel.moderate", write(event));
	}

	private Notification automodUpdate(AutomodResolved resolved) {
		ObjectNode event = held(resolved.message(), sample("automod.message.update"));
		writeTo(resolved.moderator(), event, "moderator_user_");
		event.put("status", switch (resolved.outcome()) {
			case "approve" -> "approved";
			case "deny" -> "denied";
			default -> "expired";
		});
		return new Notification("automod.message.update", write(event));
	}

	private ObjectNode held(HeldMessage held, ObjectNode event) {
		writeTo(this.broadcaster, event, "broadcaster_user_");
		writeTo(held.author(), event, "user_");
		event.put("message_id", held.id());
		plainText(event.putObject("message"), held.text());
		int end = Math.min(held.text().length(), 10) - 1;
		if (held.blockedTerm()) {
			event.put("reason", "blocked_term");
			event.putNull("automod");
			ObjectNode term = event.putObject("blocked_term").putArray("terms_found").addObject();
			term.put("term_id", "7e3b0f92-c5a4-4d61-8b27-e0d9a6f1c835");
			term.putObject("boundary").put("start_pos", 0).put("end_pos", end);
			writeTo(this.broadcaster, term, "owner_broadcaster_user_");
		}
		else {
			event.put("reason", "automod");
			ObjectNode automod = event.putObject("automod");
			automod.put("category", held.category());
			automod.put("level", held.level());
			automod.putArray("boundaries").addObject().put("start_pos", 0).put("end_pos", end);
			event.putNull("blocked_term");
		}
		event.put("held_at", held.heldAt().toString());
		return event;
	}

	private ObjectNode ownMessage(OwnMessage message, ObjectNode event) {
		writeTo(this.broadcaster, event, "broadcaster_user_");
		writeTo(this.broadcaster, event, "user_");
		event.put("message_id", message.id());
		plainText(event.putObject("message"), message.text());
		return event;
	}

	private Notification ownMessageUpdate(OwnMessageResolved resolved) {
		ObjectNode event = ownMessage(resolved.message(), sample("channel.chat.user_message_update"));
		event.put("status", switch (resolved.outcome()) {
			case "approve" -> "approved";
			case "deny" -> "denied";
			default -> "invalid";
		});
		return new Notification("channel.chat.user_message_update", write(event));
	}

	private Notification suspiciousMessage(SuspiciousMessage suspicious) {
		ObjectNode event = sample("channel.suspicious_user.message");
		writeTo(this.broadcaster, event, "broadcaster_user_");
		writeTo(suspicious.user(), event, "user_");
		boolean evader = suspicious.evader();
		event.put("low_trust_status", evader ? "restricted" : "active_monitoring");
		event.putArray("types").add(evader ? "ban_evader" : "manually_added");
		event.put("ban_evasion_evaluation", evader ? "likely" : "unknown");
		if (!evader) {
			event.putArray("shared_ban_channel_ids");
		}
		ObjectNode message = event.putObject("message");
		message.put("message_id", suspicious.messageId());
		plainText(message, suspicious.text());
		return new Notification("channel.suspicious_user.message", write(event));
	}

	private Notification suspiciousUpdate(TreatmentUpdate update) {
		ObjectNode event = sample("channel.suspicious_user.update");
		writeTo(this.broadcaster, event, "broadcaster_user_");
		writeTo(update.moderator(), event, "moderator_user_");
		writeTo(update.user(), event, "user_");
		event.put("low_trust_status", update.treatment());
		return new Notification("channel.suspicious_user.update", write(event));
	}

	/** A chat message of plain text: its text and one text fragment. */
	private static void plainText(ObjectNode message, String text) {
		message.put("text", text);
		ObjectNode fragment = message.putArray("fragments").addObject();
		fragment.put("type", "text").put("text", text).putNull("cheermote");
		fragment.putNull("emote");
	}

	/** The shipped sample of a type, every field of which the caller may overwrite. */
	private static ObjectNode sample(String type) {
		return (ObjectNode) json.readTree(FakeEventSub.sampleEvent(type));
	}

	private static String write(ObjectNode event) {
		return json.writeValueAsString(event);
	}

	/**
	 * A Twitch user as EventSub writes one: id, login and display name under a prefix.
	 */
	private static ObjectNode writeTo(Person person, ObjectNode event, String prefix) {
		return event.put(prefix + "id", person.id())
			.put(prefix + "login", person.login())
			.put(prefix + "name", person.name());
	}

	/** An anonymous user: the fields are there, {@code null}. */
	private static void writeNull(ObjectNode event, String prefix) {
		event.putNull(prefix + "id");
		event.putNull(prefix + "login");
		event.putNull(prefix + "name");
	}

	/**
	 * An EventSub notification to publish.
	 *
	 * @param type the subscription type
	 * @param eventJson the {@code payload.event} object
	 */
	record Notification(String type, String eventJson) {
	}

}
