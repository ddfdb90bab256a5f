package io.github.twitchjvm.pubsub.sample;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import io.github.twitchjvm.eventsub.EventSubSnapshot;
import io.github.twitchjvm.eventsub.EventSubSubscription;

/**
 * The EventSub subscriptions as Twitch holds them. Two handlers that ride on one
 * subscription (the v1 and v2 Bits topics both on {@code channel.cheer}) hold a handle
 * each, with the same notifications and state; a person counting subscriptions wants one.
 */
final class SubscriptionsAtTwitch {

	private SubscriptionsAtTwitch() {
	}

	static Collection<EventSubSubscription> of(EventSubSnapshot snapshot) {
		Map<String, EventSubSubscription> atTwitch = new TreeMap<>();
		for (EventSubSubscription subscription : snapshot.subscriptions()) {
			atTwitch.putIfAbsent(subscription.type() + " v" + subscription.version() + " " + subscription.condition(),
					subscription);
		}
		return atTwitch.values();
	}

}
