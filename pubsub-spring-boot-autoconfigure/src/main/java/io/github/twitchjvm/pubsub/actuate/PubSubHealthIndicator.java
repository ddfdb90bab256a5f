package io.github.twitchjvm.pubsub.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.twitchjvm.pubsub.ClientSnapshot;
import io.github.twitchjvm.pubsub.ConnectionState;
import io.github.twitchjvm.pubsub.ConnectionStatus;
import io.github.twitchjvm.pubsub.PubSubClient;
import io.github.twitchjvm.pubsub.TopicState;
import io.github.twitchjvm.pubsub.TopicStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The client's health: {@code UP} when it is started, its sockets are open (or, once they
 * had been open, have been down for less than the grace period, counted from when the
 * socket was lost however often it was retried since) and no wanted topic failed or was
 * revoked; {@code DOWN} when a socket never opened yet, stayed away longer than the grace
 * period, or a topic failed; {@code OUT_OF_SERVICE} when the client is stopped. The
 * details show the sockets, the topics by state with the reasons of failures, the time
 * since the last message and PONG, and the reconnects; never a token.
 */
public class PubSubHealthIndicator implements HealthIndicator {

	private final PubSubClient client;

	private final Duration gracePeriod;

	/**
	 * Creates the indicator.
	 * @param client the client
	 * @param gracePeriod how long a socket that had been open may be down (reconnecting)
	 * before the client is {@code DOWN}
	 */
	public PubSubHealthIndicator(PubSubClient client, Duration gracePeriod) {
		this.client = client;
		this.gracePeriod = gracePeriod;
	}

	@Override
	public Health health() {
		ClientSnapshot snapshot = this.client.snapshot();
		Instant now = Instant.now();
		Health.Builder health;
		List<String> problems = new ArrayList<>();
		if (!snapshot.running()) {
			health = Health.outOfService();
		}
		else {
			for (ConnectionStatus connection : snapshot.connections()) {
				if (connection.state() == ConnectionState.OPEN || connection.state() == ConnectionState.CLOSED) {
					continue;
				}
				if (!connection.everOpen()) {
					problems.add("socket " + connection.id() + " has not connected yet");
					continue;
				}
				// From the outage's start, not from the last attempt: each retry changes
				// the
				// state, and would restart the grace period.
				Duration away = Duration.between(downSince(connection), now);
				if (away.compareTo(this.gracePeriod) > 0) {
					problems.add("socket " + connection.id() + " has been down for " + away.toSeconds() + " s ("
							+ connection.state().name().toLowerCase(Locale.ROOT) + ")");
				}
			}
			for (TopicStatus topic : snapshot.topics()) {
				if (topic.state() == TopicState.FAILED || topic.state() == TopicState.REVOKED) {
					problems.add("topic " + topic.topic() + " is " + topic.state());
				}
			}
			health = problems.isEmpty() ? Health.up() : Health.down();
		}
		if (!problems.isEmpty()) {
			health.withDetail("problems", problems);
		}
		health.withDetail("sockets", sockets(snapshot, now));
		health.withDetail("topics", topicsByState(snapshot));
		List<Map<String, Object>> failures = failures(snapshot);
		if (!failures.isEmpty()) {
			health.withDetail("failedTopics", failures);
		}
		health.withDetail("sinceLastMessage", since(snapshot.lastMessageAt(), now));
		health.withDetail("reconnects", snapshot.counters().reconnects());
		return health.build();
	}

	private List<Map<String, Object>> sockets(ClientSnapshot snapshot, Instant now) {
		List<Map<String, Object>> sockets = new ArrayList<>();
		for (ConnectionStatus connection : snapshot.connections()) {
			Map<String, Object> socket = new LinkedHashMap<>();
			socket.put("id", connection.id());
			socket.put("state", connection.state());
			socket.put("topics", connection.topics());
			socket.put("sinceLastPong", since(connection.lastPongAt(), now));
			socket.put("reconnects", connection.reconnects());
			if (connection.downSince() != null) {
				socket.put("downFor", since(connection.downSince(), now));
			}
			sockets.add(socket);
		}
		return sockets;
	}

	private static Map<TopicState, Integer> topicsByState(ClientSnapshot snapshot) {
		Map<TopicState, Integer> byState = new EnumMap<>(TopicState.class);
		for (TopicStatus topic : snapshot.topics()) {
			byState.merge(topic.state(), 1, Integer::sum);
		}
		return byState;
	}

	private static List<Map<String, Object>> failures(ClientSnapshot snapshot) {
		List<Map<String, Object>> failures = new ArrayList<>();
		for (TopicStatus topic : snapshot.topics()) {
			if (topic.state() == TopicState.FAILED || topic.state() == TopicState.REVOKED) {
				Map<String, Object> failure = new LinkedHashMap<>();
				failure.put("topic", topic.topic().value());
				failure.put("state", topic.state());
				failure.put("reason", (topic.failure() != null) ? topic.failure() : "");
				failures.add(failure);
			}
		}
		return failures;
	}

	private static Instant downSince(ConnectionStatus connection) {
		Instant downSince = connection.downSince();
		return (downSince != null) ? downSince : connection.stateSince();
	}

	/** A duration as text ("PT12.5S"), or "never". */
	private static String since(@Nullable Instant then, Instant now) {
		return (then != null) ? Duration.between(then, now).toString() : "never";
	}

}
