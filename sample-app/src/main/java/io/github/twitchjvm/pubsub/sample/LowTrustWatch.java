package io.github.twitchjvm.pubsub.sample;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.twitchjvm.core.log.LogText;
import io.github.twitchjvm.pubsub.annotation.TwitchTopic;
import io.github.twitchjvm.pubsub.message.LowTrustUserEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** Suspicious users the moderators watch or restrict, and how many messages they sent. */
@Component
class LowTrustWatch {

	private static final Logger logger = LoggerFactory.getLogger(LowTrustWatch.class);

	private final Map<String, LowTrustUserEvent.Treatment> treatments = new ConcurrentHashMap<>();

	private final AtomicInteger messages = new AtomicInteger();

	private final EventFeed feed;

	LowTrustWatch(EventFeed feed) {
		this.feed = feed;
	}

	@TwitchTopic("low-trust-users")
	void onLowTrustUser(LowTrustUserEvent event) {
		if (event instanceof LowTrustUserEvent.TreatmentUpdate update) {
			String user = (update.targetUser() != null) ? update.targetUser() : update.targetUserId();
			this.treatments.put(user, update.treatment());
			String text = user + " is now " + update.treatment();
			logger.info("{}", LogText.safe(text));
			this.feed.publish("low-trust", text);
		}
		else if (event instanceof LowTrustUserEvent.NewMessage message) {
			this.messages.incrementAndGet();
			String text = "Watched user " + message.lowTrustUser().sender().login() + " said: "
					+ message.messageContent().text();
			logger.info("{}", LogText.safe(text));
			this.feed.publish("low-trust", text);
		}
	}

	/**
	 * The users watched and how each is treated.
	 * @return a copy
	 */
	Map<String, String> treatments() {
		Map<String, String> treatments = new TreeMap<>();
		this.treatments.forEach((user, treatment) -> treatments.put(user, treatment.name()));
		return treatments;
	}

	int watched() {
		return this.treatments.size();
	}

	int messages() {
		return this.messages.get();
	}

}
