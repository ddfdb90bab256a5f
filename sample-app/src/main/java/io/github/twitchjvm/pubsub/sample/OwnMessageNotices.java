package io.github.twitchjvm.pubsub.sample;

import java.util.concurrent.atomic.AtomicInteger;

import io.github.twitchjvm.pubsub.annotation.TwitchTopic;
import io.github.twitchjvm.pubsub.message.UserModerationEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Tells the bot when AutoMod held one of its own chat messages, and what became of it.
 */
@Component
class OwnMessageNotices {

	private static final Logger logger = LoggerFactory.getLogger(OwnMessageNotices.class);

	private final AtomicInteger caught = new AtomicInteger();

	@TwitchTopic("user-moderation-notifications")
	void onOwnMessageCaught(UserModerationEvent.AutomodCaughtMessage notice) {
		this.caught.incrementAndGet();
		logger.info("AutoMod caught one of the bot's messages ({}): {}", notice.messageId(), notice.status());
	}

	int caught() {
		return this.caught.get();
	}

}
