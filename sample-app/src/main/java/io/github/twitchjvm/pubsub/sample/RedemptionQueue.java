package io.github.twitchjvm.pubsub.sample;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.twitchjvm.core.log.LogText;
import io.github.twitchjvm.pubsub.annotation.TwitchTopic;
import io.github.twitchjvm.pubsub.message.ChannelPointsEvent;
import io.github.twitchjvm.pubsub.message.ChannelPointsEvent.RedemptionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The queue of channel-point redemptions the streamer still has to fulfil, and the number
 * of custom rewards, kept current from redemptions, status updates and reward changes.
 */
@Component
class RedemptionQueue {

	private static final Logger logger = LoggerFactory.getLogger(RedemptionQueue.class);

	/** Redemptions kept waiting at most; a channel's own queue rarely holds more. */
	static final int MAX_PENDING = 1000;

	private final Backlog<String> pending = new Backlog<>(MAX_PENDING);

	private final AtomicInteger redemptions = new AtomicInteger();

	private final AtomicInteger rewardChanges = new AtomicInteger();

	private final EventFeed feed;

	RedemptionQueue(EventFeed feed) {
		this.feed = feed;
	}

	@TwitchTopic("channel-points-channel-v1")
	void onChannelPoints(ChannelPointsEvent event) {
		if (event instanceof ChannelPointsEvent.RewardRedeemed redeemed) {
			ChannelPointsEvent.Redemption redemption = redeemed.redemption();
			String user = (redemption.user().displayName() != null) ? redemption.user().displayName()
					: redemption.user().id();
			this.redemptions.incrementAndGet();
			if (redemption.status() == RedemptionStatus.UNFULFILLED) {
				this.pending.put(redemption.id(), redemption.reward().title() + " for " + user);
			}
			String text = user + " redeemed \"" + redemption.reward().title() + "\" (" + redemption.reward().cost()
					+ " points)" + ((redemption.userInput() != null) ? ": " + redemption.userInput() : "");
			logger.info("{}", LogText.safe(text));
			this.feed.publish("channel-points", text);
		}
		else if (event instanceof ChannelPointsEvent.RedemptionStatusUpdated updated
				&& updated.redemption().status() != RedemptionStatus.UNFULFILLED) {
			String done = this.pending.remove(updated.redemption().id());
			if (done != null) {
				this.feed.publish("channel-points",
						done + ": " + updated.redemption().status().name().toLowerCase(Locale.ROOT));
			}
		}
		else if (event instanceof ChannelPointsEvent.CustomRewardCreated
				|| event instanceof ChannelPointsEvent.CustomRewardUpdated
				|| event instanceof ChannelPointsEvent.CustomRewardDeleted) {
			this.rewardChanges.incrementAndGet();
		}
	}

	int pending() {
		return this.pending.size();
	}

	/**
	 * The redemptions still to fulfil.
	 * @return each as the reward and the viewer
	 */
	List<String> queue() {
		return this.pending.items();
	}

	/** Every redemption seen, fulfilled or not. */
	int redeemed() {
		return this.redemptions.get();
	}

	int rewardChanges() {
		return this.rewardChanges.get();
	}

	String summary() {
		String next = this.pending.oldest();
		return this.pending.size() + " redemptions to fulfil" + ((next != null) ? ", next: " + next : "") + "; "
				+ this.rewardChanges.get() + " reward changes";
	}

}
