package io.github.twitchjvm.pubsub.sample;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

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

	@TwitchTopic("low-trust-users")
	void onLowTrustUser(LowTrustUserEvent event) {
		if (event instanceof LowTrustUserEvent.TreatmentUpdate update) {
			this.treatments.put(update.targetUserId(), update.treatment());
			logger.info("{} is now {}", (update.targetUser() != null) ? update.targetUser() : update.targetUserId(),
					update.treatment());
		}
		else if (event instanceof LowTrustUserEvent.NewMessage message) {
			this.messages.incrementAndGet();
			logger.info("Watched user {} said: {}", message.lowTrustUser().sender().login(),
					message.messageContent().text());
		}
	}

	int watched() {
		return this.treatments.size();
	}

	int messages() {
		return this.messages.get();
	}

}
