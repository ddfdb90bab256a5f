package io.github.twitchjvm.pubsub.sample;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.twitchjvm.bridge.PubSubOverEventSub;
import io.github.twitchjvm.core.log.LogText;
import io.github.twitchjvm.eventsub.EventSubClient;
import io.github.twitchjvm.eventsub.EventSubSnapshot;
import io.github.twitchjvm.eventsub.EventSubSubscription;
import io.github.twitchjvm.eventsub.SubscriptionState;
import io.github.twitchjvm.eventsub.autoconfigure.EventSubSessionEvent;
import io.github.twitchjvm.eventsub.autoconfigure.EventSubSubscriptionEvent;
import io.github.twitchjvm.pubsub.ClientSnapshot;
import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.TopicState;
import io.github.twitchjvm.pubsub.TopicStatus;
import io.github.twitchjvm.pubsub.autoconfigure.PubSubConnectionEvent;
import io.github.twitchjvm.pubsub.autoconfigure.PubSubTopicEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A periodic summary of every tally and of the connection, and a log line whenever a
 * socket or session changes state. The bot runs over PubSub or, with
 * {@code twitch.pubsub.transport=eventsub}, over EventSub, where no PubSub client exists:
 * the report reads whichever client there is.
 */
@Component
class BotReport {

	private static final Logger logger = LoggerFactory.getLogger(BotReport.class);

	private final @Nullable PubSubClient pubSub;

	private final @Nullable EventSubClient eventSub;

	private final @Nullable PubSubOverEventSub bridge;

	private final CheerTally cheers;

	private final SubscriberTally subscribers;

	private final RedemptionQueue redemptions;

	private final ModerationAudit moderation;

	private final AutomodInbox automod;

	private final LowTrustWatch lowTrust;

	private final EventFeed feed;

	BotReport(ObjectProvider<PubSubClient> pubSub, ObjectProvider<EventSubClient> eventSub,
			ObjectProvider<PubSubOverEventSub> bridge, CheerTally cheers, SubscriberTally subscribers,
			RedemptionQueue redemptions, ModerationAudit moderation, AutomodInbox automod, LowTrustWatch lowTrust,
			EventFeed feed) {
		this.feed = feed;
		this.pubSub = pubSub.getIfUnique();
		this.eventSub = eventSub.getIfUnique();
		this.bridge = bridge.getIfUnique();
		this.cheers = cheers;
		this.subscribers = subscribers;
		this.redemptions = redemptions;
		this.moderation = moderation;
		this.automod = automod;
		this.lowTrust = lowTrust;
	}

	@Scheduled(fixedDelayString = "${bot.report-interval:15s}", initialDelayString = "${bot.report-interval:15s}")
	void report() {
		if (this.pubSub != null) {
			reportPubSub(this.pubSub);
		}
		else if (this.eventSub != null) {
			reportEventSub(this.eventSub);
		}
		logger.info("  cheers: {}", this.cheers.summary());
		logger.info("  subscriptions: {}", this.subscribers.summary());
		logger.info("  channel points: {}", this.redemptions.summary());
		logger.info("  moderation: {}; AutoMod holds {}; {} low-trust users watched ({} messages)",
				this.moderation.summary(), this.automod.held(), this.lowTrust.watched(), this.lowTrust.messages());
	}

	private static void reportPubSub(PubSubClient client) {
		ClientSnapshot snapshot = client.snapshot();
		logger.info("Report: {} on {} sockets, {} messages received",
				tally(snapshot.topics(), TopicStatus::state, TopicState.ACTIVE, "topics active"),
				snapshot.connections().size(), snapshot.counters().messagesReceived());
	}

	/**
	 * Notifications that have no counterpart in a topic's family (a chat notice other
	 * than a Bits badge, say) are not delivered; the bridge counts them.
	 */
	private void reportEventSub(EventSubClient client) {
		EventSubSnapshot snapshot = client.snapshot();
		long skipped = (this.bridge != null) ? this.bridge.skipped().values().stream().mapToLong(Long::longValue).sum()
				: 0;
		logger.info("Report: {} on {} sessions, {} notifications received, {} without a PubSub counterpart",
				tally(SubscriptionsAtTwitch.of(snapshot), EventSubSubscription::state, SubscriptionState.ENABLED,
						"EventSub subscriptions enabled"),
				snapshot.sessions().size(), snapshot.counters().received(), skipped);
	}

	/**
	 * "8 of 10 topics active {PENDING=2}": a report that lands while a connection comes
	 * back (the demo's drops fall on a report) says what the others are doing, not only
	 * that few are well.
	 */
	private static <T, S extends Enum<S>> String tally(Collection<T> items, Function<T, S> state, S well, String what) {
		Map<S, Long> byState = items.stream()
			.collect(
					Collectors.groupingBy(state, () -> new EnumMap<>(well.getDeclaringClass()), Collectors.counting()));
		Long wellCount = byState.remove(well);
		return ((wellCount != null) ? wellCount : 0) + " of " + items.size() + " " + what
				+ (byState.isEmpty() ? "" : " " + byState);
	}

	/** The last report, so that a run that ends shows where it got to. */
	@EventListener(ContextClosedEvent.class)
	void onClose() {
		report();
	}

	@EventListener
	void onConnection(PubSubConnectionEvent event) {
		String text = "Socket " + event.getStatus().id() + " is " + event.getStatus().state() + " ("
				+ event.getStatus().topics() + " topics)";
		logger.info("{}", text);
		this.feed.publish("connection", text);
	}

	@EventListener
	void onTopic(PubSubTopicEvent event) {
		if (event.getStatus().state() == TopicState.FAILED || event.getStatus().state() == TopicState.REVOKED) {
			String text = "Topic " + event.getStatus().topic() + " is " + event.getStatus().state() + ": "
					+ event.getStatus().failure();
			logger.warn("{}", LogText.safe(text));
			this.feed.publish("connection", text);
		}
	}

	/** Twitch names the sessions and the reasons: their text is made safe to log. */
	@EventListener
	void onSession(EventSubSessionEvent event) {
		String text = event.isLost()
				? "EventSub session of user " + event.getUserId() + " is lost (" + event.getLostBecause()
						+ ", close code " + event.getCloseCode() + "); its subscriptions move to a new one"
				: "EventSub session " + LogText.safe(event.getSessionId()) + " of user " + event.getUserId()
						+ " is welcomed";
		logger.info("{}", text);
		this.feed.publish("connection", text);
	}

	@EventListener
	void onSubscription(EventSubSubscriptionEvent event) {
		if (event.getState() == SubscriptionState.FAILED || event.getState() == SubscriptionState.REVOKED) {
			String text = "EventSub subscription " + event.getSubscription().type() + " "
					+ event.getSubscription().condition() + " is " + event.getState() + ": "
					+ LogText.safe(event.getReason());
			logger.warn("{}", text);
			this.feed.publish("connection", text);
		}
	}

}
