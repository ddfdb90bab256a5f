package io.github.twitchjvm.pubsub.sample;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.twitchjvm.pubsub.message.PayloadCodec;
import io.github.twitchjvm.pubsub.message.WhisperEvent;
import io.github.twitchjvm.pubsub.sample.DemoScenario.Person;
import io.github.twitchjvm.pubsub.sample.DemoStory.AutomodHeld;
import io.github.twitchjvm.pubsub.sample.DemoStory.AutomodResolved;
import io.github.twitchjvm.pubsub.sample.DemoStory.BadgeUnlock;
import io.github.twitchjvm.pubsub.sample.DemoStory.Beat;
import io.github.twitchjvm.pubsub.sample.DemoStory.Cheer;
import io.github.twitchjvm.pubsub.sample.DemoStory.HeldMessage;
import io.github.twitchjvm.pubsub.sample.DemoStory.ModeratorAction;
import io.github.twitchjvm.pubsub.sample.DemoStory.OwnMessageHeld;
import io.github.twitchjvm.pubsub.sample.DemoStory.OwnMessageResolved;
import io.github.twitchjvm.pubsub.sample.DemoStory.Redeemed;
import io.github.twitchjvm.pubsub.sample.DemoStory.Redemption;
import io.github.twitchjvm.pubsub.sample.DemoStory.RedemptionResolved;
import io.github.twitchjvm.pubsub.sample.DemoStory.Subscribed;
import io.github.twitchjvm.pubsub.sample.DemoStory.SuspiciousMessage;
import io.github.twitchjvm.pubsub.sample.DemoStory.TreatmentUpdate;
import io.github.twitchjvm.pubsub.sample.DemoStory.Whisper;
import io.github.twitchjvm.pubsub.test.SampleMessages;
import io.github.twitchjvm.pubsub.topic.TopicType;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's beats as Twitch's PubSub sent them: each is a shipped realistic message of
 * its family ({@link SampleMessages}) with the story's people, amounts and texts written
 * in. A cheer came on both Bits topics, each in its own shape; a chat notice other than a
 * badge unlock has no PubSub message. Used on the demo's publishing thread only.
 */
final class PubSubDemoMessages {

	private static final JsonMapper json = JsonMapper.builder().build();

	/** Twitch's placeholder for anonymous cheers on the legacy topic. */
	private static final Person ANONYMOUS_CHEERER = new Person("407665396", "ananonymouscheerer", "AnAnonymousCheerer");

	private final Person broadcaster;

	private final Map<String, Integer> bitsByViewer = new HashMap<>();

	PubSubDemoMessages(String broadcasterId, String broadcasterLogin) {
		this.broadcaster = new Person(broadcasterId, broadcasterLogin, broadcasterLogin);
	}

	/**
	 * The messages that tell a beat.
	 * @param beat what happens
	 * @return each message with the family of its topic, none for a beat PubSub never
	 * told
	 */
	List<Message> of(Beat beat) {
		if (beat instanceof Whisper whisper) {
			return List.of(new Message(TopicType.WHISPERS, whisper(whisper.from(), whisper.text())));
		}
		if (beat instanceof Cheer cheer) {
			return cheer(cheer);
		}
		if (beat instanceof BadgeUnlock unlock) {
			ObjectNode message = sample(TopicType.BITS_BADGE_UNLOCKS, "badge_unlock");
			message.put("user_id", unlock.viewer().id()).put("user_name", unlock.viewer().login());
			channel(message);
			message.put("badge_tier", unlock.tier()).put("chat_message", unlock.text()).put("time", now());
			return List.of(new Message(TopicType.BITS_BADGE_UNLOCKS, write(message)));
		}
		if (beat instanceof Redeemed redeemed) {
			return List.of(redemption(redeemed.redemption(), "reward-redeemed", "UNFULFILLED"));
		}
		if (beat instanceof RedemptionResolved resolved) {
			return List.of(redemption(resolved.redemption(), "redemption-status-update",
					resolved.fulfilled() ? "FULFILLED" : "CANCELED"));
		}
		if (beat instanceof Subscribed subscribed) {
			return List.of(subscription(subscribed));
		}
		if (beat instanceof ModeratorAction action) {
			return List.of(moderation(action));
		}
		if (beat instanceof AutomodHeld held) {
			return List.of(automod(held.message(),
					held.message().blockedTerm() ? "caught_blocked_term" : "caught_pending", "PENDING", null));
		}
		if (beat instanceof AutomodResolved resolved) {
			String status = switch (resolved.outcome()) {
				case "approve" -> "ALLOWED";
				case "deny" -> "DENIED";
				default -> "EXPIRED";
			};
			return List.of(automod(resolved.message(), "caught_allowed", status, resolved.moderator()));
		}
		if (beat instanceof OwnMessageHeld held) {
			return List.of(ownMessage(held.message().id(), "PENDING"));
		}
		if (beat instanceof OwnMessageResolved resolved) {
			return List.of(ownMessage(resolved.message().id(), switch (resolved.outcome()) {
				case "approve" -> "ALLOWED";
				case "deny" -> "DENIED";
				default -> "EXPIRED";
			}));
		}
		if (beat instanceof SuspiciousMessage suspicious) {
			return List.of(suspiciousMessage(suspicious));
		}
		if (beat instanceof TreatmentUpdate update) {
			return List.of(treatmentUpdate(update));
		}
		// A chat notice other than a badge unlock: EventSub only.
		return List.of();
	}

	/**
	 * A realistic received whisper (the shipped sample) from another viewer with another
	 * text.
	 * @param from the sender
	 * @param body the text
	 * @return the inner message, as Twitch would send it
	 */
	static String whisper(Person from, String body) {
		PayloadCodec codec = PayloadCodec.standard();
		WhisperEvent.Whisper sample = ((WhisperEvent.Received) codec.decode(TopicType.WHISPERS,
				SampleMessages.get(TopicType.WHISPERS, "whisper_received")))
			.whisper();
		WhisperEvent.WhisperTags tags = new WhisperEvent.WhisperTags(from.login(), from.name(), "#1E90FF", null, false,
				List.of(), List.of());
		WhisperEvent.Whisper whisper = new WhisperEvent.Whisper(sample.messageId(), sample.id(), sample.threadId(),
				body, Instant.now(), from.id(), tags, sample.recipient(), sample.nonce());
		return codec.encode(TopicType.WHISPERS, new WhisperEvent.Received(whisper));
	}

	private List<Message> cheer(Cheer cheer) {
		Person from = cheer.from();
		String key = (from != null) ? from.id() : "";
		int total = this.bitsByViewer.merge(key, cheer.bits(), Integer::sum);
		ObjectNode v2 = sample(TopicType.BITS_V2, (from != null) ? "bits_event" : "bits_event_anonymous");
		ObjectNode v1 = sample(TopicType.BITS_V1, "bits_event");
		for (ObjectNode message : List.of(v1, v2)) {
			message.put("message_id", cheer.id());
			ObjectNode data = (ObjectNode) message.get("data");
			Person user = (from != null || message == v2) ? from : ANONYMOUS_CHEERER;
			data.put("user_name", (user != null) ? user.login() : null);
			if (user != null) {
				data.put("user_id", user.id());
			}
			channel(data);
			data.put("time", now()).put("chat_message", cheer.message()).put("bits_used", cheer.bits());
			data.put("total_bits_used", total);
		}
		((ObjectNode) v2.get("data")).put("is_anonymous", from == null);
		return List.of(new Message(TopicType.BITS_V2, write(v2)), new Message(TopicType.BITS_V1, write(v1)));
	}

	private Message redemption(Redemption redemption, String sample, String status) {
		ObjectNode message = sample(TopicType.CHANNEL_POINTS, sample);
		ObjectNode data = (ObjectNode) message.get("data");
		data.put("timestamp", now());
		ObjectNode written = (ObjectNode) data.get("redemption");
		written.put("id", redemption.id());
		written.putObject("user")
			.put("id", redemption.viewer().id())
			.put("login", redemption.viewer().login())
			.put("display_name", redemption.viewer().name());
		written.put("channel_id", this.broadcaster.id());
		written.put("redeemed_at", redemption.redeemedAt().toString());
		ObjectNode reward = (ObjectNode) written.get("reward");
		reward.put("id", redemption.reward().id())
			.put("channel_id", this.broadcaster.id())
			.put("title", redemption.reward().title())
			.put("prompt", redemption.reward().prompt())
			.put("cost", redemption.reward().cost())
			.put("is_user_input_required", !redemption.input().isEmpty());
		if (redemption.input().isEmpty()) {
			written.remove("user_input");
		}
		else {
			written.put("user_input", redemption.input());
		}
		written.put("status", status);
		return new Message(TopicType.CHANNEL_POINTS, write(message));
	}

	private Message subscription(Subscribed subscribed) {
		String kind = subscribed.kind();
		boolean gift = kind.equals("gift");
		ObjectNode message = sample(TopicType.CHANNEL_SUBSCRIPTIONS, gift ? "subgift" : kind);
		Person subscriber = gift ? java.util.Objects.requireNonNull(subscribed.gifter()) : subscribed.viewer();
		message.put("user_name", subscriber.login()).put("display_name", subscriber.name());
		message.put("user_id", subscriber.id());
		message.put("channel_name", this.broadcaster.login()).put("channel_id", this.broadcaster.id());
		message.put("time", now());
		message.put("sub_plan", String.valueOf(subscribed.tier()));
		message.put("sub_plan_name", "Channel Subscription (" + this.broadcaster.login() + ")");
		if (gift) {
			message.put("recipient_id", subscribed.viewer().id())
				.put("recipient_user_name", subscribed.viewer().login())
				.put("recipient_display_name", subscribed.viewer().name())
				.put("multi_month_duration", 1);
		}
		else {
			message.put("cumulative_months", subscribed.months());
			if (kind.equals("resub")) {
				message.put("streak_months", subscribed.months());
			}
			message.putObject("sub_message").put("message", subscribed.text()).putArray("emotes");
		}
		return new Message(TopicType.CHANNEL_SUBSCRIPTIONS, write(message));
	}

	private Message moderation(ModeratorAction moderation) {
		String action = moderation.action();
		ObjectNode message = sample(TopicType.CHAT_MODERATOR_ACTIONS, "moderation_action_" + action);
		ObjectNode data = (ObjectNode) message.get("data");
		data.put("created_by", moderation.moderator().login())
			.put("created_by_user_id", moderation.moderator().id())
			.put("created_at", now());
		Person target = moderation.target();
		Map<String, String> details = moderation.details();
		ArrayNode args = data.putArray("args");
		if (target != null) {
			data.put("target_user_id", target.id()).put("target_user_login", target.login());
			args.add(target.login());
			switch (action) {
				case "ban", "warn" -> args.add(details.getOrDefault("reason", ""));
				case "timeout" ->
					args.add(details.getOrDefault("seconds", "600")).add(details.getOrDefault("reason", ""));
				case "delete" -> args.add(details.getOrDefault("text", "")).add(moderation.id());
				default -> {
					// untimeout, vip, mod: the login only.
				}
			}
		}
		else if (action.equals("slow")) {
			args.add(details.getOrDefault("seconds", "30"));
		}
		else if (action.equals("followers")) {
			args.add(details.getOrDefault("minutes", "10"));
		}
		return new Message(TopicType.CHAT_MODERATOR_ACTIONS, write(message));
	}

	private Message automod(HeldMessage held, String sample, String status, @Nullable Person resolver) {
		ObjectNode message = sample(TopicType.AUTOMOD_QUEUE, sample);
		ObjectNode data = (ObjectNode) message.get("data");
		ObjectNode content = (ObjectNode) data.get("message");
		content.put("id", held.id());
		ObjectNode text = content.putObject("content").put("text", held.text());
		text.putArray("fragments").addObject().put("text", held.text());
		ObjectNode sender = (ObjectNode) content.get("sender");
		sender.put("user_id", held.author().id())
			.put("login", held.author().login())
			.put("display_name", held.author().name());
		content.put("sent_at", held.heldAt().toString())
			.put("channel_id", this.broadcaster.id())
			.put("channel_login", this.broadcaster.login());
		if (!held.blockedTerm()) {
			data.putObject("content_classification").put("category", held.category()).put("level", held.level());
		}
		if (data.has("id")) {
			data.put("id", held.id());
		}
		data.put("status", status);
		data.put("resolver_id", (resolver != null) ? resolver.id() : "");
		data.put("resolver_login", (resolver != null) ? resolver.login() : "");
		return new Message(TopicType.AUTOMOD_QUEUE, write(message));
	}

	private Message ownMessage(String id, String status) {
		ObjectNode message = sample(TopicType.USER_MODERATION_NOTIFICATIONS, "automod_caught_message");
		((ObjectNode) message.get("data")).put("message_id", id).put("status", status);
		return new Message(TopicType.USER_MODERATION_NOTIFICATIONS, write(message));
	}

	private Message suspiciousMessage(SuspiciousMessage suspicious) {
		ObjectNode message = sample(TopicType.LOW_TRUST_USERS, "new_message");
		ObjectNode data = (ObjectNode) message.get("data");
		ObjectNode user = (ObjectNode) data.get("low_trust_user");
		user.put("id", suspicious.user().id())
			.put("low_trust_id", this.broadcaster.id() + "." + suspicious.user().id())
			.put("channel_id", this.broadcaster.id());
		((ObjectNode) user.get("sender")).put("user_id", suspicious.user().id())
			.put("login", suspicious.user().login())
			.put("display_name", suspicious.user().name());
		user.put("treatment", suspicious.evader() ? "RESTRICTED" : "ACTIVE_MONITORING");
		user.put("ban_evasion_evaluation", suspicious.evader() ? "LIKELY_EVADER" : "UNLIKELY_EVADER");
		user.putArray("types").add(suspicious.evader() ? "BAN_EVADER" : "MANUALLY_ADDED");
		ObjectNode content = data.putObject("message_content").put("text", suspicious.text());
		content.putArray("fragments").addObject().put("text", suspicious.text());
		data.put("message_id", suspicious.messageId()).put("sent_at", now());
		return new Message(TopicType.LOW_TRUST_USERS, write(message));
	}

	private Message treatmentUpdate(TreatmentUpdate update) {
		ObjectNode message = sample(TopicType.LOW_TRUST_USERS, "treatment_update");
		ObjectNode data = (ObjectNode) message.get("data");
		data.put("low_trust_id", this.broadcaster.id() + "." + update.user().id())
			.put("channel_id", this.broadcaster.id())
			.put("updated_at", now())
			.put("target_user_id", update.user().id())
			.put("target_user", update.user().login());
		data.putObject("updated_by")
			.put("id", update.moderator().id())
			.put("login", update.moderator().login())
			.put("display_name", update.moderator().name());
		String treatment = update.treatment().toUpperCase(Locale.ROOT);
		data.put("treatment", treatment.equals("NONE") ? "NO_TREATMENT" : treatment);
		return new Message(TopicType.LOW_TRUST_USERS, write(message));
	}

	private void channel(ObjectNode node) {
		node.put("channel_id", this.broadcaster.id()).put("channel_name", this.broadcaster.login());
	}

	private static String now() {
		return Instant.now().toString();
	}

	private static ObjectNode sample(TopicType family, String name) {
		return (ObjectNode) json.readTree(SampleMessages.get(family, name));
	}

	private static String write(ObjectNode message) {
		return json.writeValueAsString(message);
	}

	/**
	 * A message to publish.
	 *
	 * @param family the family of the topic it goes on
	 * @param json the inner message
	 */
	record Message(TopicType family, String json) {
	}

}
