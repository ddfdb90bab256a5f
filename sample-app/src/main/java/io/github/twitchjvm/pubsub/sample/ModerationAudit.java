package io.github.twitchjvm.pubsub.sample;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.twitchjvm.core.log.LogText;
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

	private final EventFeed feed;

	ModerationAudit(EventFeed feed) {
		this.feed = feed;
	}

	@TwitchTopic("chat_moderator_actions")
	void onModeratorAction(ChatModeratorActionEvent event) {
		String kind;
		String text;
		if (event instanceof ChatModeratorActionEvent.ModerationAction action) {
			kind = action.action().name().toLowerCase(Locale.ROOT);
			// Channel-wide actions (slow mode, blocked terms) have no target.
			text = "Moderator " + action.createdBy() + " did " + kind
					+ ((action.targetLogin() != null) ? " to " + action.targetLogin() : "")
					+ ((action.reason() != null) ? " (" + action.reason() + ")" : "");
		}
		else if (event instanceof ChatModeratorActionEvent.ModeratorAdded added) {
			kind = "moderator_added";
			text = added.targetUserLogin() + " is now a moderator";
		}
		else if (event instanceof ChatModeratorActionEvent.VipAdded added) {
			kind = "vip_added";
			text = added.targetUserLogin() + " is now a VIP";
		}
		else {
			kind = event.getClass().getSimpleName();
			text = "Moderator action " + kind;
		}
		this.actions.computeIfAbsent(kind, (key) -> new AtomicInteger()).incrementAndGet();
		logger.info("{}", LogText.safe(text));
		this.feed.publish("moderation", text);
	}

	/**
	 * The actions by kind.
	 * @return a sorted copy
	 */
	Map<String, Integer> byKind() {
		Map<String, Integer> counts = new TreeMap<>();
		this.actions.forEach((kind, count) -> counts.put(kind, count.get()));
		return counts;
	}

	int total() {
		return this.actions.values().stream().mapToInt(AtomicInteger::get).sum();
	}

	String summary() {
		return total() + " moderator actions " + byKind();
	}

}
