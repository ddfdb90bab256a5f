package io.github.twitchjvm.bridge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.twitchjvm.eventsub.event.ChannelModerateEvent;
import io.github.twitchjvm.eventsub.event.User;
import io.github.twitchjvm.pubsub.message.ChatModeratorActionEvent;
import io.github.twitchjvm.pubsub.message.PubSubPayload;
import io.github.twitchjvm.pubsub.topic.Topic;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code chat_moderator_actions.<user_id>.<channel_id>} rides on
 * {@code channel.moderate} @2 with {@code {broadcaster_user_id: channel,
 * moderator_user_id: user}}. Each action becomes the PubSub shape that carried it:
 *
 * <ul>
 * <li>{@code moderation_action} with PubSub's positional {@code args}: {@code ban}
 * [login, reason?], {@code timeout} [login, "", reason?] (EventSub gives the end of the
 * timeout, not its length, so the length is left empty), {@code unban}, {@code untimeout}
 * [login], {@code delete} [login, text, message id], {@code warn} [login, reason?],
 * {@code raid}, {@code unraid} [login], {@code slow} [seconds], {@code followers}
 * [minutes], and {@code clear}, {@code slowoff}, {@code followersoff},
 * {@code emoteonly(off)}, {@code subscribers(off)}, {@code r9kbeta(off)} (EventSub's
 * {@code uniquechat(off)}) without args; {@code created_by}/{@code created_by_user_id}
 * are the moderator, {@code target_user_id}/{@code target_user_login} the user acted on,
 * {@code created_at} the notification's {@code message_timestamp}, and {@code type}
 * {@code chat_login_moderation} for actions on a user, {@code chat_channel_moderation}
 * for chat modes (left out for raids, whose PubSub value is not known).</li>
 * <li>{@code mod}, {@code unmod}, {@code vip}, {@code unvip}: {@code moderator_added},
 * {@code moderator_removed}, {@code vip_added}, {@code vip_removed}, each followed by the
 * {@code moderation_action} of the same name, as PubSub sent both.</li>
 * <li>Term list changes: one {@code channel_terms_action} per term
 * ({@code add_blocked_term}, {@code add_permitted_term}, {@code delete_blocked_term},
 * {@code delete_permitted_term}), requested by the moderator, {@code updated_at} the
 * notification's time; EventSub gives no term id and no expiry.</li>
 * <li>{@code approve_unban_request}, {@code deny_unban_request}: their PubSub
 * shapes.</li>
 * </ul>
 * The {@code shared_chat_*} actions (another channel's moderation in a Shared Chat
 * session) and actions this version does not know are skipped and counted.
 */
final class ModeratorActionConversion implements FamilyConversion {

	private static final String ON_USER = "chat_login_moderation";

	private static final String ON_CHANNEL = "chat_channel_moderation";

	@Override
	public List<EventSubRide> rides(Topic topic) {
		return List.of(new EventSubRide("channel.moderate", "2",
				Map.of("broadcaster_user_id", topic.ids().get(1), "moderator_user_id", topic.ids().get(0))));
	}

	@Override
	public Conversion convert(Topic topic, SourceEvent source) {
		if (!(source.event() instanceof ChannelModerateEvent moderate)) {
			return Conversion.skip("not_a_moderator_action");
		}
		Actions actions = new Actions(moderate, source);
		return switch (moderate.action()) {
			case BAN -> {
				ChannelModerateEvent.Ban ban = moderate.ban();
				yield actions.onUser("ban", (ban != null) ? ban.user() : null, (ban != null) ? ban.reason() : null);
			}
			case TIMEOUT -> {
				ChannelModerateEvent.Timeout timeout = moderate.timeout();
				yield actions.onUser("timeout", (timeout != null) ? timeout.user() : null, "",
						(timeout != null) ? timeout.reason() : null);
			}
			case UNBAN -> actions.onUser("unban", user(moderate.unban()));
			case UNTIMEOUT -> actions.onUser("untimeout", user(moderate.untimeout()));
			case WARN -> {
				ChannelModerateEvent.Warn warn = moderate.warn();
				yield actions.onUser("warn", (warn != null) ? warn.user() : null,
						(warn != null) ? warn.reason() : null);
			}
			case DELETE -> {
				ChannelModerateEvent.Delete delete = moderate.delete();
				yield (delete != null)
						? actions.onUser("delete", delete.user(), delete.messageBody(), delete.messageId())
						: actions.onUser("delete", null);
			}
			case RAID -> {
				ChannelModerateEvent.Raid raid = moderate.raid();
				yield actions.action(null, "raid", (raid != null) ? raid.user() : null);
			}
			case UNRAID -> actions.action(null, "unraid", user(moderate.unraid()));
			case CLEAR -> actions.onChannel("clear");
			case EMOTEONLY -> actions.onChannel("emoteonly");
			case EMOTEONLYOFF -> actions.onChannel("emoteonlyoff");
			case FOLLOWERS -> {
				ChannelModerateEvent.Followers followers = moderate.followers();
				yield actions.onChannel("followers",
						(followers != null) ? String.valueOf(followers.followDurationMinutes()) : null);
			}
			case FOLLOWERSOFF -> actions.onChannel("followersoff");
			case SLOW -> {
				ChannelModerateEvent.Slow slow = moderate.slow();
				yield actions.onChannel("slow", (slow != null) ? String.valueOf(slow.waitTimeSeconds()) : null);
			}
			case SLOWOFF -> actions.onChannel("slowoff");
			case SUBSCRIBERS -> actions.onChannel("subscribers");
			case SUBSCRIBERSOFF -> actions.onChannel("subscribersoff");
			case UNIQUECHAT -> actions.onChannel("r9kbeta");
			case UNIQUECHATOFF -> actions.onChannel("r9kbetaoff");
			case MOD -> actions.role("moderator_added", "mod", user(moderate.mod()), true);
			case UNMOD -> actions.role("moderator_removed", "unmod", user(moderate.unmod()), true);
			case VIP -> actions.role("vip_added", "vip", user(moderate.vip()), false);
			case UNVIP -> actions.role("vip_removed", "unvip", user(moderate.unvip()), false);
			case ADD_BLOCKED_TERM -> actions.terms("add_blocked_term");
			case ADD_PERMITTED_TERM -> actions.terms("add_permitted_term");
			case REMOVE_BLOCKED_TERM -> actions.terms("delete_blocked_term");
			case REMOVE_PERMITTED_TERM -> actions.terms("delete_permitted_term");
			case APPROVE_UNBAN_REQUEST -> actions.unbanRequest("approve_unban_request");
			case DENY_UNBAN_REQUEST -> actions.unbanRequest("deny_unban_request");
			case SHARED_CHAT_BAN, SHARED_CHAT_TIMEOUT, SHARED_CHAT_UNBAN, SHARED_CHAT_UNTIMEOUT, SHARED_CHAT_DELETE,
					UNRECOGNIZED ->
				Conversion.skip("action=" + moderate.action().name().toLowerCase(Locale.ROOT));
		};
	}

	private static @Nullable User user(ChannelModerateEvent.@Nullable Target target) {
		return (target != null) ? target.user() : null;
	}

	/** The messages of one {@code channel.moderate} event. */
	private static final class Actions {

		private final ChannelModerateEvent event;

		private final SourceEvent source;

		Actions(ChannelModerateEvent event, SourceEvent source) {
			this.event = event;
			this.source = source;
		}

		/**
		 * A {@code moderation_action} on a user: the login first, then the given
		 * arguments; a trailing {@code null} one (a reason not given) is left out.
		 */
		Conversion onUser(String action, @Nullable User target, @Nullable String... more) {
			return Conversion.deliver(moderationAction(ON_USER, action, target, more));
		}

		Conversion onChannel(String action, @Nullable String... args) {
			List<String> present = new ArrayList<>();
			for (String arg : args) {
				if (arg != null) {
					present.add(arg);
				}
			}
			ObjectNode data = common(ON_CHANNEL, action);
			PubSubJson.texts(data, "args", present);
			return Conversion.deliver(MessageParts.envelope("moderation_action", data));
		}

		Conversion action(@Nullable String type, String action, @Nullable User target) {
			return Conversion.deliver(moderationAction(type, action, target));
		}

		private String moderationAction(@Nullable String type, String action, @Nullable User target,
				@Nullable String... more) {
			List<String> args = new ArrayList<>();
			args.add((target != null) ? target.login() : "");
			for (String arg : more) {
				args.add((arg != null) ? arg : "");
			}
			// A reason that was not given is no argument (PubSub's args were positional).
			while (args.size() > 1 && args.get(args.size() - 1).isEmpty()) {
				args.remove(args.size() - 1);
			}
			if (target == null && args.size() == 1) {
				args.clear();
			}
			ObjectNode data = common(type, action);
			PubSubJson.texts(data, "args", args);
			if (target != null) {
				PubSubJson.text(data, "target_user_id", target.id());
				PubSubJson.text(data, "target_user_login", target.login());
			}
			return MessageParts.envelope("moderation_action", data);
		}

		private ObjectNode common(@Nullable String type, String action) {
			ObjectNode data = PubSubJson.text(PubSubJson.object(), "type", type);
			data.put("moderation_action", action);
			PubSubJson.text(data, "created_by", this.event.moderator().login());
			PubSubJson.text(data, "created_by_user_id", this.event.moderator().id());
			PubSubJson.time(data, "created_at", this.source.sentAt());
			return data;
		}

		Conversion role(String type, String action, @Nullable User target, boolean namesAction) {
			ObjectNode data = PubSubJson.text(PubSubJson.object(), "channel_id", this.event.broadcaster().id());
			if (target != null) {
				PubSubJson.text(data, "target_user_id", target.id());
				PubSubJson.text(data, "target_user_login", target.login());
			}
			PubSubJson.text(data, "created_by_user_id", this.event.moderator().id());
			PubSubJson.text(data, "created_by", this.event.moderator().login());
			if (namesAction) {
				data.put("moderation_action", action);
			}
			return Conversion.deliver(MessageParts.envelope(type, data), moderationAction(ON_USER, action, target));
		}

		Conversion terms(String termAction) {
			ChannelModerateEvent.AutomodTerms terms = this.event.automodTerms();
			if (terms == null || terms.terms().isEmpty()) {
				return Conversion.skip("automod_terms=missing");
			}
			List<String> messages = new ArrayList<>();
			for (String term : terms.terms()) {
				ObjectNode data = PubSubJson.object();
				data.put("type", termAction);
				PubSubJson.text(data, "text", term);
				PubSubJson.text(data, "requester_id", this.event.moderator().id());
				PubSubJson.text(data, "requester_login", this.event.moderator().login());
				PubSubJson.text(data, "channel_id", this.event.broadcaster().id());
				PubSubJson.time(data, "updated_at", this.source.sentAt());
				data.put("from_automod", terms.fromAutomod());
				messages.add(MessageParts.envelope("channel_terms_action", data));
			}
			return Conversion.deliver(messages);
		}

		Conversion unbanRequest(String type) {
			ObjectNode data = PubSubJson.object();
			data.put("moderation_action", type.toUpperCase(Locale.ROOT));
			PubSubJson.text(data, "created_by_id", this.event.moderator().id());
			PubSubJson.text(data, "created_by_login", this.event.moderator().login());
			ChannelModerateEvent.UnbanRequest request = this.event.unbanRequest();
			if (request != null) {
				PubSubJson.text(data, "moderator_message", request.moderatorMessage());
				PubSubJson.text(data, "target_user_id", request.user().id());
				PubSubJson.text(data, "target_user_login", request.user().login());
			}
			return Conversion.deliver(MessageParts.envelope(type, data));
		}

	}

	@Override
	public Map<Class<? extends PubSubPayload>, List<String>> absentFields() {
		return Map.of(ChatModeratorActionEvent.ModerationAction.class,
				List.of("msgId", "id", "args[1] of a timeout (its length)", "moderationType of a raid or unraid"),
				ChatModeratorActionEvent.ChannelTermsAction.class, List.of("id", "expiresAt"),
				ChatModeratorActionEvent.ModeratorAdded.class, List.of(),
				ChatModeratorActionEvent.ModeratorRemoved.class, List.of(), ChatModeratorActionEvent.VipAdded.class,
				List.of(), ChatModeratorActionEvent.VipRemoved.class, List.of(),
				ChatModeratorActionEvent.UnbanRequestApproved.class, List.of(),
				ChatModeratorActionEvent.UnbanRequestDenied.class, List.of());
	}

	@Override
	public Map<Class<? extends PubSubPayload>, String> unsupported() {
		return Map.of();
	}

}
