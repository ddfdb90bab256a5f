package io.github.twitchjvm.pubsub.sample;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.twitchjvm.core.log.LogText;
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

	/** Held messages kept for review at most; AutoMod's own queue expires them anyway. */
	static final int MAX_HELD = 1000;

	private final Backlog<String> held = new Backlog<>(MAX_HELD);

	private final AtomicInteger caught = new AtomicInteger();

	private final EventFeed feed;

	AutomodInbox(EventFeed feed) {
		this.feed = feed;
	}

	@TwitchTopic("automod-queue")
	void onHeldMessage(AutomodQueueEvent.CaughtMessage caught) {
		String id = caught.message().id();
		if (caught.status() == AutomodStatus.PENDING) {
			this.caught.incrementAndGet();
			this.held.put(id, caught.message().sender().login() + ": " + caught.message().content().text());
			String text = "AutoMod held a message from " + caught.message().sender().login() + " ("
					+ caught.contentClassification().category() + " level " + caught.contentClassification().level()
					+ "): waiting for review";
			logger.info("{}", LogText.safe(text));
			this.feed.publish("automod", text + ": \"" + caught.message().content().text() + "\"");
		}
		else if (this.held.remove(id) != null) {
			this.feed.publish("automod", "The held message from " + caught.message().sender().login() + " is "
					+ caught.status().name().toLowerCase(Locale.ROOT));
		}
	}

	int held() {
		return this.held.size();
	}

	/**
	 * The messages waiting for review.
	 * @return each as its author and text
	 */
	List<String> waiting() {
		return this.held.items();
	}

	/** Every message AutoMod held, reviewed since or not. */
	int caught() {
		return this.caught.get();
	}

}
