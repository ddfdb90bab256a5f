package io.github.twitchjvm.pubsub.sample;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.twitchjvm.pubsub.annotation.TwitchTopic;
import io.github.twitchjvm.pubsub.message.BitsBadgeUnlock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** Congratulates viewers who unlock a higher Bits badge, once per tier. */
@Component
class BadgeAnnouncer {

	private static final Logger logger = LoggerFactory.getLogger(BadgeAnnouncer.class);

	private final Map<String, Integer> highestTier = new ConcurrentHashMap<>();

	@TwitchTopic("channel-bits-badge-unlocks")
	void onUnlock(BitsBadgeUnlock unlock) {
		Integer previous = this.highestTier.put(unlock.userName(), unlock.badgeTier());
		if (previous == null || previous < unlock.badgeTier()) {
			logger.info("Congratulations {} on the {} bits badge!", unlock.userName(), unlock.badgeTier());
		}
	}

	int viewersWithBadges() {
		return this.highestTier.size();
	}

}
