package io.github.twitchjvm.bridge;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.twitchjvm.eventsub.event.AutomodCause;
import io.github.twitchjvm.eventsub.event.AutomodMessageHoldEvent;
import io.github.twitchjvm.eventsub.event.AutomodMessageUpdateEvent;
import io.github.twitchjvm.eventsub.event.ChatMessage;
import io.github.twitchjvm.eventsub.event.User;
import io.github.twitchjvm.pubsub.message.AutomodQueueEvent;
import io.github.twitchjvm.pubsub.message.PubSubPayload;
import io.github.twitchjvm.pubsub.topic.Topic;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code automod-queue.<moderator_id>.<channel_id>} rides on
 * {@code automod.message.hold} @2 and {@code automod.message.update} @2, both
 * {@code {broadcaster_user_id: channel, moderator_user_id: moderator}}. Each becomes an
 * {@code automod_caught_message}: a hold with status {@code PENDING}, an update with
 * {@code ALLOWED} (approved), {@code DENIED} or {@code EXPIRED} and the deciding
 * moderator as {@code resolver_id}/{@code resolver_login}.
 *
 * <p>
 * Mapping: {@code message.id}, {@code content} (text and fragments), {@code sender}
 * ({@code user_id}, {@code login}, {@code display_name}), {@code channel_id} and
 * {@code channel_login}; {@code sent_at} from {@code held_at} (AutoMod holds a message as
 * it is sent); {@code content_classification} and
 * {@code caught_message_reason.automod_failure} from {@code automod} (category in
 * EventSub's words), {@code caught_message_reason.blocked_term_failure.terms_found} from
 * {@code blocked_term} (term id, owner channel, position); {@code reason_code} from
 * {@code reason} ({@code AutoModCaughtMessageReason} or
 * {@code BlockedTermCaughtMessageReason}). EventSub carries no id of the AutoMod case, no
 * sender colour or badges, no per-fragment AutoMod findings, and (version 2) public
 * blocked terms only, without their text.
 */
final class AutomodQueueConversion implements FamilyConversion {

	@Override
	public List<EventSubRide> rides(Topic topic) {
		Map<String, String> condition = Map.of("broadcaster_user_id", topic.ids().get(1), "moderator_user_id",
				topic.ids().get(0));
		return List.of(new EventSubRide("automod.message.hold", "2", condition),
				new EventSubRide("automod.message.update", "2", condition));
	}

	@Override
	public Conversion convert(Topic topic, SourceEvent source) {
		if (source.event() instanceof AutomodMessageHoldEvent held) {
			return Conversion.deliver(caught(held.broadcaster(), held.user(), held.messageId(), held.message(),
					held.heldAt(), held.reason(), held.automod(), held.blockedTerm(), "PENDING", null));
		}
		if (source.event() instanceof AutomodMessageUpdateEvent updated) {
			return Conversion.deliver(caught(updated.broadcaster(), updated.user(), updated.messageId(),
					updated.message(), updated.heldAt(), updated.reason(), updated.automod(), updated.blockedTerm(),
					status(updated.status()), updated.moderator()));
		}
		return Conversion.skip("not_an_automod_message");
	}

	private static String caught(User broadcaster, User sender, String messageId, ChatMessage text, Instant heldAt,
			AutomodCause.Reason reason, AutomodCause.@Nullable Automod automod,
			AutomodCause.@Nullable BlockedTerm blockedTerm, @Nullable String status, @Nullable User resolver) {
		ObjectNode data = PubSubJson.object();
		if (automod != null) {
			ObjectNode classification = PubSubJson.text(PubSubJson.object(), "category", automod.category());
			classification.put("level", automod.level());
			data.set("content_classification", classification);
		}
		ObjectNode message = PubSubJson.text(PubSubJson.object(), "id", messageId);
		message.set("content", MessageParts.content(text.text(), text.fragments()));
		message.set("sender", MessageParts.sender(sender));
		PubSubJson.time(message, "sent_at", heldAt);
		PubSubJson.text(message, "channel_id", broadcaster.id());
		PubSubJson.text(message, "channel_login", broadcaster.login());
		data.set("message", message);
		PubSubJson.text(data, "reason_code", reasonCode(reason));
		if (resolver != null) {
			PubSubJson.text(data, "resolver_id", resolver.id());
			PubSubJson.text(data, "resolver_login", resolver.login());
		}
		PubSubJson.text(data, "status", status);
		PubSubJson.child(data, "caught_message_reason", caughtReason(reason, automod, blockedTerm));
		return MessageParts.envelope("automod_caught_message", data);
	}

	private static ObjectNode caughtReason(AutomodCause.Reason reason, AutomodCause.@Nullable Automod automod,
			AutomodCause.@Nullable BlockedTerm blockedTerm) {
		ObjectNode caught = PubSubJson.object();
		if (reason != AutomodCause.Reason.UNRECOGNIZED) {
			// PubSub's reason is EventSub's, in the same words.
			caught.put("reason", reason.name().toLowerCase(Locale.ROOT));
		}
		if (automod != null) {
			ObjectNode failure = PubSubJson.text(PubSubJson.object(), "category", automod.category());
			failure.put("level", automod.level());
			ArrayNode positions = failure.putArray("positions_in_message");
			automod.boundaries().forEach((boundary) -> positions.add(position(boundary)));
			caught.set("automod_failure", failure);
		}
		if (blockedTerm != null) {
			ArrayNode terms = caught.putObject("blocked_term_failure").putArray("terms_found");
			for (AutomodCause.TermFound found : blockedTerm.termsFound()) {
				ObjectNode term = PubSubJson.text(PubSubJson.object(), "owner_channel_id",
						found.ownerBroadcaster().id());
				term.set("positions_in_message", position(found.boundary()));
				PubSubJson.text(term, "term_id", found.termId());
				terms.add(term);
			}
		}
		return caught;
	}

	private static ObjectNode position(AutomodCause.Boundary boundary) {
		ObjectNode position = PubSubJson.object();
		position.put("start_pos", boundary.startPos());
		position.put("end_pos", boundary.endPos());
		return position;
	}

	private static @Nullable String reasonCode(AutomodCause.Reason reason) {
		return switch (reason) {
			case AUTOMOD -> "AutoModCaughtMessageReason";
			case BLOCKED_TERM -> "BlockedTermCaughtMessageReason";
			case UNRECOGNIZED -> null;
		};
	}

	private static @Nullable String status(AutomodMessageUpdateEvent.Status status) {
		return switch (status) {
			case APPROVED -> "ALLOWED";
			case DENIED -> "DENIED";
			case EXPIRED -> "EXPIRED";
			case UNRECOGNIZED -> null;
		};
	}

	@Override
	public Map<Class<? extends PubSubPayload>, List<String>> absentFields() {
		return Map.of(AutomodQueueEvent.CaughtMessage.class,
				List.of("id", "message.sender.chatColor", "message.sender.badges",
						"message.content.fragments[].automod", "message.content.fragments[].link",
						"caughtMessageReason.blockedTermFailure.containsPrivateTerm",
						"caughtMessageReason.blockedTermFailure.termsFound[].isPrivate",
						"caughtMessageReason.blockedTermFailure.termsFound[].text",
						"contentClassification of a message a blocked term caught"));
	}

	@Override
	public Map<Class<? extends PubSubPayload>, String> unsupported() {
		return Map.of();
	}

}
