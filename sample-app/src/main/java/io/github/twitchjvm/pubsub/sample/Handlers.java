package io.github.twitchjvm.pubsub.sample;

import java.util.List;

import org.springframework.stereotype.Component;

/** The handlers' state in one place, for the page. */
@Component
class Handlers {

	private final CheerTally cheers;

	private final RedemptionQueue redemptions;

	private final SubscriberTally subscribers;

	private final ModerationAudit moderation;

	private final AutomodInbox automod;

	private final OwnMessageNotices ownMessages;

	private final LowTrustWatch lowTrust;

	private final BadgeAnnouncer badges;

	private final WhisperCommands whispers;

	Handlers(CheerTally cheers, RedemptionQueue redemptions, SubscriberTally subscribers, ModerationAudit moderation,
			AutomodInbox automod, OwnMessageNotices ownMessages, LowTrustWatch lowTrust, BadgeAnnouncer badges,
			WhisperCommands whispers) {
		this.cheers = cheers;
		this.redemptions = redemptions;
		this.subscribers = subscribers;
		this.moderation = moderation;
		this.automod = automod;
		this.ownMessages = ownMessages;
		this.lowTrust = lowTrust;
		this.badges = badges;
		this.whispers = whispers;
	}

	Dashboard.Channel channel() {
		List<String> answers = this.whispers.answers();
		return new Dashboard.Channel(this.cheers.totalBits(), this.cheers.anonymousBits(),
				this.cheers.leaders(5)
					.stream()
					.map((entry) -> new Dashboard.Leader(entry.getKey(), entry.getValue()))
					.toList(),
				this.redemptions.queue(), this.redemptions.rewardChanges(), this.subscribers.byTier(),
				this.subscribers.gifts(), this.moderation.byKind(), this.automod.waiting(), this.ownMessages.caught(),
				this.lowTrust.treatments(), this.lowTrust.messages(), this.badges.tiers(),
				answers.subList(Math.max(0, answers.size() - 5), answers.size()));
	}

}
