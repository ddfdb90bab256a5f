package io.github.twitchjvm.pubsub.sample;

import io.github.twitchjvm.pubsub.ClientSnapshot;
import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.TopicState;
import io.github.twitchjvm.pubsub.autoconfigure.PubSubConnectionEvent;
import io.github.twitchjvm.pubsub.autoconfigure.PubSubTopicEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A periodic summary of every tally and of the connection, and a log line whenever a
 * socket changes state.
 */
@Component
class BotReport {

	private static final Logger logger = LoggerFactory.getLogger(BotReport.class);

	private final PubSubClient client;

	private final CheerTally cheers;

	private final SubscriberTally subscribers;

	private final RedemptionQueue redemptions;

	private final ModerationAudit moderation;

	private final AutomodInbox automod;

	private final LowTrustWatch lowTrust;

	BotReport(PubSubClient client, CheerTally cheers, SubscriberTally subscribers, RedemptionQueue redemptions,
			ModerationAudit moderation, AutomodInbox automod, LowTrustWatch lowTrust) {
		this.client = client;
		this.cheers = cheers;
		this.subscribers = subscribers;
		this.redemptions = redemptions;
		this.moderation = moderation;
		this.automod = automod;
		this.lowTrust = lowTrust;
	}

	@Scheduled(fixedDelayString = "${bot.report-interval:15s}", initialDelayString = "${bot.report-interval:15s}")
	void report() {
		ClientSnapshot snapshot = this.client.snapshot();
		long active = snapshot.topics().stream().filter((topic) -> topic.state() == TopicState.ACTIVE).count();
		logger.info("Report: {} of {} topics active on {} sockets, {} messages received", active,
				snapshot.topics().size(), snapshot.connections().size(), snapshot.counters().messagesReceived());
		logger.info("  cheers: {}", this.cheers.summary());
		logger.info("  subscriptions: {}", this.subscribers.summary());
		logger.info("  channel points: {}", this.redemptions.summary());
		logger.info("  moderation: {}; AutoMod holds {}; {} low-trust users watched ({} messages)",
				this.moderation.summary(), this.automod.held(), this.lowTrust.watched(), this.lowTrust.messages());
	}

	/** The last report, so that a run that ends shows where it got to. */
	@EventListener(ContextClosedEvent.class)
	void onClose() {
		report();
	}

	@EventListener
	void onConnection(PubSubConnectionEvent event) {
		logger.info("Socket {} is {} ({} topics)", event.getStatus().id(), event.getStatus().state(),
				event.getStatus().topics());
	}

	@EventListener
	void onTopic(PubSubTopicEvent event) {
		if (event.getStatus().state() == TopicState.FAILED || event.getStatus().state() == TopicState.REVOKED) {
			logger.warn("Topic {} is {}: {}", event.getStatus().topic(), event.getStatus().state(),
					event.getStatus().failure());
		}
	}

}
