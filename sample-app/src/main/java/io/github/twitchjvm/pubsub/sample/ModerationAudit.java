package io.github.twitchjvm.pubsub.sample;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.twitchjvm.pubsub.annotation.TwitchTopic;
import io.github.twitchjvm.pubsub.message.ChatModeratorActionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * An audit log of what the channel's moderators did: actions by type, with who did what
 * to whom. The bot's own user is the channel's broadcaster, who moderates their own
 * channel, so {@code userId} is left to the application's user
 * ({@code twitch.pubsub.user-id}).
 */
@Component
class ModerationAudit {

	private static final Logger logger = LoggerFactory.getLogger(ModerationAudit.class);

	private final Map<String, AtomicInteger> actions = new ConcurrentHashMap<>();

	@TwitchTopic("chat_moderator_actions")
	void onModeratorAction(ChatModeratorActionEvent event) {
		String kind;
		if (event instanceof ChatModeratorActionEvent.ModerationAction action) {
			kind = action.action().name().toLowerCase(java.util.Locale.ROOT);
			// Channel-wide actions (slow mode, blocked terms) have no target.
			logger.info("Moderator {} did {}{}{}", action.createdBy(), kind,
					(action.targetLogin() != null) ? " to " + action.targetLogin() : "",
					(action.reason() != null) ? " (" + action.reason() + ")" : "");
		}
		else if (event instanceof ChatModeratorActionEvent.ModeratorAdded added) {
			kind = "moderator_added";
			logger.info("{} is now a moderator", added.targetUserLogin());
		}
		else if (event instanceof ChatModeratorActionEvent.VipAdded added) {
			kind = "vip_added";
			logger.info("{} is now a VIP", added.targetUserLogin());
		}
		else {
			kind = event.getClass().getSimpleName();
		}
		this.actions.computeIfAbsent(kind, (key) -> new AtomicInteger()).incrementAndGet();
	}

	int total() {
		return this.actions.values().stream().mapToInt(AtomicInteger::get).sum();
	}

	String summary() {
		return total() + " moderator actions " + this.actions;
	}

}
