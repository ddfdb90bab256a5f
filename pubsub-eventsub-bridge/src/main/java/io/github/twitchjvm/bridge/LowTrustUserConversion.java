package io.github.twitchjvm.bridge;

import java.util.List;
import java.util.Map;

import io.github.twitchjvm.eventsub.event.LowTrustStatus;
import io.github.twitchjvm.eventsub.event.SuspiciousUserMessageEvent;
import io.github.twitchjvm.eventsub.event.SuspiciousUserUpdateEvent;
import io.github.twitchjvm.eventsub.event.User;
import io.github.twitchjvm.pubsub.message.LowTrustUserEvent;
import io.github.twitchjvm.pubsub.message.PubSubPayload;
import io.github.twitchjvm.pubsub.topic.Topic;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code low-trust-users.<moderator_id>.<channel_id>} rides on
 * {@code channel.suspicious_user.message} @1 (a {@code low_trust_user_new_message}) and
 * {@code channel.suspicious_user.update} @1 (a {@code low_trust_user_treatment_update}),
 * both {@code {broadcaster_user_id: channel, moderator_user_id: moderator}}.
 *
 * <p>
 * Mapping: {@code low_trust_id} is {@code "<channel_id>.<user_id>"} as PubSub formed it;
 * the treatment from {@code low_trust_status} ({@code none} as {@code NO_TREATMENT},
 * {@code active_monitoring}, {@code restricted}); {@code types} ({@code ban_evader} as
 * {@code DETECTED_BAN_EVADER}, {@code manually_added}, {@code banned_in_shared_channel});
 * {@code ban_evasion_evaluation} ({@code unknown}, {@code possible}, {@code likely} as
 * {@code UNKNOWN_EVADER}, {@code POSSIBLE_EVADER}, {@code LIKELY_EVADER}); a new
 * message's {@code sender}, {@code message_content}, {@code message_id},
 * {@code shared_ban_channel_ids}, and {@code sent_at} from the notification's
 * {@code message_timestamp}; an update's {@code updated_by} (the moderator),
 * {@code target_user_id}, {@code target_user} (login) and {@code updated_at} from the
 * notification's {@code message_timestamp}. EventSub carries no evaluation time, no
 * sender colour or badges, and a new message does not say who last changed the treatment
 * nor when; an update carries no types nor evaluation.
 */
final class LowTrustUserConversion implements FamilyConversion {

	@Override
	public List<EventSubRide> rides(Topic topic) {
		Map<String, String> condition = Map.of("broadcaster_user_id", topic.ids().get(1), "moderator_user_id",
				topic.ids().get(0));
		return List.of(new EventSubRide("channel.suspicious_user.message", "1", condition),
				new EventSubRide("channel.suspicious_user.update", "1", condition));
	}

	@Override
	public Conversion convert(Topic topic, SourceEvent source) {
		if (source.event() instanceof SuspiciousUserMessageEvent sent) {
			ObjectNode user = PubSubJson.text(PubSubJson.object(), "id", sent.user().id());
			lowTrustId(user, sent.broadcaster(), sent.user());
			PubSubJson.text(user, "channel_id", sent.broadcaster().id());
			user.set("sender", MessageParts.sender(sent.user()));
			PubSubJson.text(user, "ban_evasion_evaluation", evaluation(sent.banEvasionEvaluation()));
			PubSubJson.text(user, "treatment", treatment(sent.lowTrustStatus()));
			PubSubJson.texts(user, "shared_ban_channel_ids", sent.sharedBanChannelIds());
			if (!sent.types().isEmpty()) {
				ArrayNode types = user.putArray("types");
				sent.types().forEach((type) -> types.add(type(type)));
			}
			ObjectNode data = PubSubJson.object();
			data.set("low_trust_user", user);
			data.set("message_content", MessageParts.content(sent.message().text(), sent.message().fragments()));
			PubSubJson.text(data, "message_id", sent.message().messageId());
			PubSubJson.time(data, "sent_at", source.sentAt());
			return Conversion.deliver(MessageParts.envelope("low_trust_user_new_message", data));
		}
		if (source.event() instanceof SuspiciousUserUpdateEvent updated) {
			ObjectNode data = lowTrustId(PubSubJson.object(), updated.broadcaster(), updated.user());
			PubSubJson.text(data, "channel_id", updated.broadcaster().id());
			PubSubJson.child(data, "updated_by", MessageParts.twitchUser(updated.moderator()));
			PubSubJson.time(data, "updated_at", source.sentAt());
			PubSubJson.text(data, "target_user_id", updated.user().id());
			PubSubJson.text(data, "target_user", updated.user().login());
			PubSubJson.text(data, "treatment", treatment(updated.lowTrustStatus()));
			return Conversion.deliver(MessageParts.envelope("low_trust_user_treatment_update", data));
		}
		return Conversion.skip("not_a_suspicious_user_event");
	}

	private static ObjectNode lowTrustId(ObjectNode node, User broadcaster, User user) {
		if (!broadcaster.id().isEmpty() && !user.id().isEmpty()) {
			node.put("low_trust_id", broadcaster.id() + "." + user.id());
		}
		return node;
	}

	private static @Nullable String treatment(LowTrustStatus status) {
		return switch (status) {
			case NONE -> "NO_TREATMENT";
			case ACTIVE_MONITORING, RESTRICTED -> status.name();
			case UNRECOGNIZED -> null;
		};
	}

	private static @Nullable String evaluation(SuspiciousUserMessageEvent.BanEvasionEvaluation evaluation) {
		return switch (evaluation) {
			case UNKNOWN -> "UNKNOWN_EVADER";
			case POSSIBLE -> "POSSIBLE_EVADER";
			case LIKELY -> "LIKELY_EVADER";
			case UNRECOGNIZED -> null;
		};
	}

	/** A type this version does not know stays one for the PubSub model too. */
	private static String type(SuspiciousUserMessageEvent.UserType type) {
		return switch (type) {
			case BAN_EVADER -> "DETECTED_BAN_EVADER";
			case MANUALLY_ADDED, BANNED_IN_SHARED_CHANNEL, UNRECOGNIZED -> type.name();
		};
	}

	@Override
	public Map<Class<? extends PubSubPayload>, List<String>> absentFields() {
		return Map.of(LowTrustUserEvent.NewMessage.class,
				List.of("lowTrustUser.evaluatedAt", "lowTrustUser.updatedAt", "lowTrustUser.updatedBy",
						"lowTrustUser.sender.chatColor", "lowTrustUser.sender.badges",
						"messageContent.fragments[].automod", "messageContent.fragments[].link"),
				LowTrustUserEvent.TreatmentUpdate.class, List.of("types", "banEvasionEvaluation", "evaluatedAt"));
	}

	@Override
	public Map<Class<? extends PubSubPayload>, String> unsupported() {
		return Map.of();
	}

}
