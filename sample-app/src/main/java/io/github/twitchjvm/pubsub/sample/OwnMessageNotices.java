package io.github.twitchjvm.pubsub.sample;

import java.util.concurrent.atomic.AtomicInteger;

import io.github.twitchjvm.core.log.LogText;
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

	private final EventFeed feed;

	OwnMessageNotices(EventFeed feed) {
		this.feed = feed;
	}

	@TwitchTopic("user-moderation-notifications")
	void onOwnMessageCaught(UserModerationEvent.AutomodCaughtMessage notice) {
		this.caught.incrementAndGet();
		String text = "AutoMod caught one of the bot's messages (" + notice.messageId() + "): " + notice.status();
		logger.info("{}", LogText.safe(text));
		this.feed.publish("own-messages", text);
	}

	int caught() {
		return this.caught.get();
	}

}
