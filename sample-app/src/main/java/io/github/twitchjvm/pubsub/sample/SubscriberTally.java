package io.github.twitchjvm.pubsub.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import io.github.twitchjvm.core.log.LogText;
import io.github.twitchjvm.pubsub.annotation.TwitchTopic;
import io.github.twitchjvm.pubsub.message.SubscriptionEvent;
import io.github.twitchjvm.pubsub.message.SubscriptionEvent.SubPlan;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * New subscriptions, renewals and gifts by tier. An anonymous gift sometimes arrives
 * twice, once attributed to Twitch's placeholder account "ananonymousgifter" and once
 * without a sender, milliseconds apart: the second copy is not counted.
 */
@Component
class SubscriberTally {

	private static final Logger logger = LoggerFactory.getLogger(SubscriberTally.class);

	private static final String ANONYMOUS_GIFTER_ID = "274598607";

	private static final Duration DUPLICATE_WINDOW = Duration.ofSeconds(2);

	private final Map<SubPlan, Integer> byTier = new EnumMap<>(SubPlan.class);

	private int gifts;

	private int duplicateGifts;

	private @Nullable String lastAnonymousRecipient;

	private Instant lastAnonymousGift = Instant.MIN;

	private final EventFeed feed;

	SubscriberTally(EventFeed feed) {
		this.feed = feed;
	}

	@TwitchTopic("channel-subscribe-events-v1")
	synchronized void onSubscription(SubscriptionEvent event) {
		if (event instanceof SubscriptionEvent.Sub sub) {
			count(sub.subPlan());
			tell(sub.displayName() + " subscribed (" + sub.subPlanName() + ")");
		}
		else if (event instanceof SubscriptionEvent.Resub resub) {
			count(resub.subPlan());
			tell(resub.displayName() + " resubscribed: " + resub.cumulativeMonths() + " months");
		}
		else if (event instanceof SubscriptionEvent.SubGift gift) {
			boolean anonymous = ANONYMOUS_GIFTER_ID.equals(gift.userId());
			gift(gift.subPlan(), gift.recipientUserName(), gift.time(), anonymous);
		}
		else if (event instanceof SubscriptionEvent.AnonSubGift gift) {
			gift(gift.subPlan(), gift.recipientUserName(), gift.time(), true);
		}
		else if (event instanceof SubscriptionEvent.ResubGift gift) {
			gift(gift.subPlan(), gift.recipientUserName(), gift.time(), false);
		}
		else if (event instanceof SubscriptionEvent.AnonResubGift gift) {
			gift(gift.subPlan(), gift.recipientUserName(), gift.time(), true);
		}
		else if (event instanceof SubscriptionEvent.ExtendSub extend) {
			tell(extend.displayName() + " extended their subscription");
		}
	}

	private void gift(SubPlan plan, @Nullable String recipient, Instant time, boolean anonymous) {
		if (anonymous && recipient != null && recipient.equals(this.lastAnonymousRecipient)
				&& Duration.between(this.lastAnonymousGift, time).abs().compareTo(DUPLICATE_WINDOW) <= 0) {
			this.duplicateGifts++;
			return;
		}
		if (anonymous) {
			this.lastAnonymousRecipient = recipient;
			this.lastAnonymousGift = time;
		}
		this.gifts++;
		count(plan);
		tell(recipient + " got a gifted subscription" + (anonymous ? " from an anonymous gifter" : ""));
	}

	private void tell(String text) {
		logger.info("{}", LogText.safe(text));
		this.feed.publish("subscriptions", text);
	}

	private void count(SubPlan plan) {
		this.byTier.merge(plan, 1, Integer::sum);
	}

	synchronized int total() {
		return this.byTier.values().stream().mapToInt(Integer::intValue).sum();
	}

	/**
	 * The subscriptions by tier.
	 * @return a copy
	 */
	synchronized Map<String, Integer> byTier() {
		Map<String, Integer> tiers = new TreeMap<>();
		this.byTier.forEach((plan, count) -> tiers.put(plan.name(), count));
		return tiers;
	}

	synchronized int gifts() {
		return this.gifts;
	}

	synchronized int duplicateGifts() {
		return this.duplicateGifts;
	}

	synchronized String summary() {
		return total() + " subscriptions " + this.byTier + ", " + this.gifts + " gifted";
	}

}
