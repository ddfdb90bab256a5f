package io.github.twitchjvm.pubsub.sample;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.twitchjvm.pubsub.annotation.TwitchTopic;
import io.github.twitchjvm.pubsub.message.AutomodQueueEvent;
import io.github.twitchjvm.pubsub.message.AutomodStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Messages AutoMod holds for review, until a moderator allows or denies them (or they
 * expire).
 */
@Component
class AutomodInbox {

	private static final Logger logger = LoggerFactory.getLogger(AutomodInbox.class);

	private final Map<String, String> held = new ConcurrentHashMap<>();

	@TwitchTopic("automod-queue")
	void onHeldMessage(AutomodQueueEvent.CaughtMessage caught) {
		String id = caught.message().id();
		if (caught.status() == AutomodStatus.PENDING) {
			this.held.put(id, caught.message().content().text());
			logger.info("AutoMod held a message from {} ({} level {}): waiting for review",
					caught.message().sender().login(), caught.contentClassification().category(),
					caught.contentClassification().level());
		}
		else {
			this.held.remove(id);
		}
	}

	int held() {
		return this.held.size();
	}

}
