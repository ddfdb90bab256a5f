package io.github.twitchjvm.pubsub.sample;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.twitchjvm.core.log.LogText;
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

	private final EventFeed feed;

	BadgeAnnouncer(EventFeed feed) {
		this.feed = feed;
	}

	@TwitchTopic("channel-bits-badge-unlocks")
	void onUnlock(BitsBadgeUnlock unlock) {
		Integer previous = this.highestTier.put(unlock.userName(), unlock.badgeTier());
		if (previous == null || previous < unlock.badgeTier()) {
			String text = "Congratulations " + unlock.userName() + " on the " + unlock.badgeTier() + " bits badge!";
			logger.info("{}", LogText.safe(text));
			this.feed.publish("badges", text);
		}
	}

	int viewersWithBadges() {
		return this.highestTier.size();
	}

	/**
	 * The highest tier of each viewer.
	 * @return a copy
	 */
	Map<String, Integer> tiers() {
		return Map.copyOf(this.highestTier);
	}

}
