package io.github.twitchjvm.pubsub;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.twitchjvm.core.dispatch.DropReason;
import io.github.twitchjvm.core.log.LogText;
import io.github.twitchjvm.core.log.RateLimitedLog;
import io.github.twitchjvm.pubsub.connection.MessageRoutes;
import io.github.twitchjvm.pubsub.connection.PubSubSocket;
import io.github.twitchjvm.pubsub.message.PubSubMessage;
import io.github.twitchjvm.pubsub.protocol.InboundFrame;

/**
 * The sockets' view of the wanted topics: a concurrent map from topic string to
 * {@link TopicRoute}, which the engine writes on its loop and the reading threads read
 * for every MESSAGE. A message for a topic nobody wants is counted and dropped.
 */
final class RouteTable implements MessageRoutes {

	private final Map<String, TopicRoute> routes = new ConcurrentHashMap<>();

	private final ClientCounters counters;

	private final RateLimitedLog log;

	RouteTable(ClientCounters counters, RateLimitedLog log) {
		this.counters = counters;
		this.log = log;
	}

	void add(TopicRoute route) {
		this.routes.put(route.topic().value(), route);
	}

	void remove(TopicRoute route) {
		this.routes.remove(route.topic().value(), route);
	}

	/**
	 * On a socket's reading thread: one lookup, one envelope shared by every
	 * subscription, no lock of the engine.
	 */
	@Override
	public void deliver(PubSubSocket from, InboundFrame.Message message) {
		Instant now = Instant.now();
		this.counters.messageReceived(now);
		TopicRoute route = this.routes.get(message.topic());
		if (route == null) {
			this.counters.dropped(null, DropReason.NO_SUBSCRIBER, 1);
			this.log.warn("no-subscriber", "MESSAGE for {}, which no subscription wants; dropped",
					LogText.safe(message.topic()));
			return;
		}
		this.counters.routed(route.topic());
		route.accept(from, new PubSubMessage(route.topic(), message.message(), now));
	}

}
