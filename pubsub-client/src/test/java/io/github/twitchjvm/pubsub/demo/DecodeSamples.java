package io.github.twitchjvm.pubsub.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.twitchjvm.pubsub.message.AutomodQueueEvent;
import io.github.twitchjvm.pubsub.message.BitsBadgeUnlock;
import io.github.twitchjvm.pubsub.message.BitsEvent;
import io.github.twitchjvm.pubsub.message.ChannelPointsEvent;
import io.github.twitchjvm.pubsub.message.ChatModeratorActionEvent;
import io.github.twitchjvm.pubsub.message.LowTrustUserEvent;
import io.github.twitchjvm.pubsub.message.PayloadCodec;
import io.github.twitchjvm.pubsub.message.PubSubMessage;
import io.github.twitchjvm.pubsub.message.PubSubPayload;
import io.github.twitchjvm.pubsub.message.SubscriptionEvent;
import io.github.twitchjvm.pubsub.message.UnknownPayload;
import io.github.twitchjvm.pubsub.message.UserModerationEvent;
import io.github.twitchjvm.pubsub.message.WhisperEvent;
import io.github.twitchjvm.pubsub.topic.Topic;

/**
 * The README's "see it work" command until the fake server and the sample application
 * exist: decodes one realistic message of every topic family (the test fixtures) and
 * prints what a handler would see. With two arguments, {@code <topic> <file>}, it decodes
 * your own inner message instead.
 */
public final class DecodeSamples {

	private DecodeSamples() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length == 2) {
			show(Topic.parse(args[0]), Files.readString(Path.of(args[1])));
			return;
		}
		Map<String, String> samples = new LinkedHashMap<>();
		samples.put("whispers.58355428", "whispers/whisper_received.json");
		samples.put("channel-bits-events-v2.96158427", "bits-v2/bits_event.json");
		samples.put("channel-bits-events-v1.61742339", "bits-v1/bits_event.json");
		samples.put("channel-bits-badge-unlocks.75330112", "bits-badge-unlocks/badge_unlock.json");
		samples.put("channel-points-channel-v1.83710496", "channel-points/reward-redeemed.json");
		samples.put("channel-subscribe-events-v1.64209815", "subscriptions/subgift.json");
		samples.put("chat_moderator_actions.143928570.64781230", "chat-moderator-actions/moderator_added.json");
		samples.put("automod-queue.119642038.88412057", "automod-queue/caught_pending.json");
		samples.put("user-moderation-notifications.293017645.88412057",
				"user-moderation-notifications/automod_caught_message.json");
		samples.put("low-trust-users.53210874.53210874", "low-trust-users/treatment_update_evader.json");
		samples.put("channel-points-channel-v1.149223087", "channel-points/unknown.json");
		for (Map.Entry<String, String> sample : samples.entrySet()) {
			show(Topic.parse(sample.getKey()), fixture(sample.getValue()));
		}
	}

	private static void show(Topic topic, String text) {
		PubSubMessage message = new PubSubMessage(topic, text, Instant.now());
		PubSubPayload payload = message.payload();
		System.out.printf("%-50s %-45s %s%n", topic,
				payload.getClass().getName().replaceFirst("^.*\\.", "").replace('$', '.'), summary(payload));
		String encoded = PayloadCodec.standard().encode(payload);
		if (!PayloadCodec.standard().decode(topic.type(), encoded).equals(payload)) {
			throw new IllegalStateException("Round trip changed " + topic);
		}
	}

	private static String summary(PubSubPayload payload) {
		if (payload instanceof WhisperEvent.Received received) {
			return received.whisper().tags().login() + " -> " + received.whisper().recipient().username() + ": \""
					+ received.whisper().body() + "\"";
		}
		if (payload instanceof BitsEvent.Cheer cheer) {
			return ((cheer.userName() != null) ? cheer.userName() : "anonymous") + " cheered " + cheer.bitsUsed()
					+ " bits in " + cheer.channelName();
		}
		if (payload instanceof BitsBadgeUnlock unlock) {
			return unlock.userName() + " unlocked the " + unlock.badgeTier() + " bits badge";
		}
		if (payload instanceof ChannelPointsEvent.RewardRedeemed redeemed) {
			return redeemed.redemption().user().login() + " redeemed \"" + redeemed.redemption().reward().title()
					+ "\" (" + redeemed.redemption().reward().cost() + " points) with \""
					+ redeemed.redemption().userInput() + "\"";
		}
		if (payload instanceof SubscriptionEvent.SubGift gift) {
			return gift.userName() + " gifted a " + gift.subPlan() + " sub to " + gift.recipientUserName() + " for "
					+ gift.multiMonthDuration() + " months";
		}
		if (payload instanceof ChatModeratorActionEvent.ModeratorAdded added) {
			return added.createdBy() + " made " + added.targetUserLogin() + " a moderator";
		}
		if (payload instanceof AutomodQueueEvent.CaughtMessage caught) {
			return caught.status() + " " + caught.contentClassification().category() + " from "
					+ caught.message().sender().login() + ": \"" + caught.message().content().text() + "\"";
		}
		if (payload instanceof UserModerationEvent.AutomodCaughtMessage notification) {
			return "your message " + notification.messageId() + " was " + notification.status();
		}
		if (payload instanceof LowTrustUserEvent.TreatmentUpdate update) {
			return update.targetUser() + " is now " + update.treatment() + " (" + update.banEvasionEvaluation() + ")";
		}
		if (payload instanceof UnknownPayload unknown) {
			return "unknown type '" + unknown.type() + "', raw JSON kept (" + unknown.json().length() + " chars)";
		}
		return payload.toString();
	}

	private static String fixture(String path) throws IOException {
		try (InputStream in = DecodeSamples.class.getResourceAsStream("/fixtures/" + path)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
