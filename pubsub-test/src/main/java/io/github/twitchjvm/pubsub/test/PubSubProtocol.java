package io.github.twitchjvm.pubsub.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.twitchjvm.pubsub.test.TwitchAccounts.TokenCheck;
import io.github.twitchjvm.pubsub.topic.InvalidTopicException;
import io.github.twitchjvm.pubsub.topic.Topic;
import io.github.twitchjvm.pubsub.topic.TopicType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import org.jspecify.annotations.Nullable;

/**
 * The PubSub protocol as Twitch's edge servers spoke it: PING, LISTEN and UNLISTEN in;
 * PONG and one RESPONSE per request out. A request with one bad topic fails whole and
 * changes nothing.
 */
final class PubSubProtocol {

	static final String OK = "";

	static final String ERR_BADMESSAGE = "ERR_BADMESSAGE";

	static final String ERR_BADTOPIC = "ERR_BADTOPIC";

	static final String ERR_BADAUTH = "ERR_BADAUTH";

	private final FakeServerSettings settings;

	private final TwitchAccounts accounts;

	private final Connections connections;

	private final ServerFaults faults;

	private final StatsCounters stats;

	PubSubProtocol(FakeServerSettings settings, TwitchAccounts accounts, Connections connections, ServerFaults faults,
			StatsCounters stats) {
		this.settings = settings;
		this.accounts = accounts;
		this.connections = connections;
		this.faults = faults;
		this.stats = stats;
	}

	void opened(ClientConnection connection) {
		this.connections.add(connection);
		this.stats.connectionsAccepted.increment();
		var loop = connection.channel().eventLoop();
		connection.firstListenDeadline(loop.schedule(() -> {
			if (!connection.hasListened()) {
				connection.close(1000, "No LISTEN within " + this.settings.firstListenTimeout());
			}
		}, this.settings.firstListenTimeout().toNanos(), TimeUnit.NANOSECONDS));
		armPingDeadline(connection);
	}

	void closed(ClientConnection connection) {
		this.connections.remove(connection);
		connection.closed();
	}

	void binaryFrame(ClientConnection connection) {
		respond(connection, ERR_BADMESSAGE, "");
	}

	void textFrame(ClientConnection connection, String text) {
		this.stats.framesReceived.increment();
		connection.record(text);
		JsonNode frame;
		try {
			frame = ServerJson.MAPPER.readTree(text);
		}
		catch (JacksonException ex) {
			respond(connection, ERR_BADMESSAGE, "");
			return;
		}
		if (frame == null || !frame.isObject()) {
			respond(connection, ERR_BADMESSAGE, "");
			return;
		}
		String nonce = frame.path("nonce").isString() ? frame.path("nonce").asString() : "";
		String type = frame.path("type").isString() ? frame.path("type").asString() : "";
		switch (type) {
			case "PING" -> ping(connection);
			case "LISTEN" -> listen(connection, frame.path("data"), nonce);
			case "UNLISTEN" -> unlisten(connection, frame.path("data"), nonce);
			default -> respond(connection, ERR_BADMESSAGE, nonce);
		}
	}

	private void ping(ClientConnection connection) {
		this.stats.pings.increment();
		connection.pinged();
		armPingDeadline(connection);
		if (this.faults.answersPings()) {
			connection.send(ServerJson.PONG);
		}
	}

	private void armPingDeadline(ClientConnection connection) {
		connection.pingDeadline(connection.channel()
			.eventLoop()
			.schedule(() -> connection.close(1000, "No PING within " + this.settings.pingTimeout()),
					this.settings.pingTimeout().toNanos(), TimeUnit.NANOSECONDS));
	}

	private void listen(ClientConnection connection, JsonNode data, String nonce) {
		connection.markListened();
		List<String> requested = topicsOf(data);
		if (requested == null) {
			respond(connection, ERR_BADMESSAGE, nonce);
			return;
		}
		String injected = this.faults.takeListenFailure();
		if (injected != null) {
			respond(connection, injected, nonce);
			return;
		}
		String token = data.path("auth_token").isString() ? data.path("auth_token").asString() : null;
		Map<String, String> granted = new LinkedHashMap<>();
		for (String value : requested) {
			Topic topic = parse(value);
			if (topic == null) {
				respond(connection, ERR_BADTOPIC, nonce);
				return;
			}
			if (topic.isDocumented() && !authorises(token, topic)) {
				respond(connection, ERR_BADAUTH, nonce);
				return;
			}
			granted.put(value, (token != null) ? token : "");
		}
		long total = granted.keySet().stream().filter((topic) -> !connection.topics().containsKey(topic)).count()
				+ connection.topics().size();
		if (total > this.settings.maxTopicsPerConnection()) {
			respond(connection, this.settings.topicLimitError(), nonce);
			return;
		}
		granted.forEach((topic, grantedToken) -> this.connections.listen(connection, topic, grantedToken));
		respond(connection, OK, nonce);
	}

	private void unlisten(ClientConnection connection, JsonNode data, String nonce) {
		List<String> requested = topicsOf(data);
		if (requested == null) {
			respond(connection, ERR_BADMESSAGE, nonce);
			return;
		}
		for (String value : requested) {
			if (parse(value) == null) {
				respond(connection, ERR_BADTOPIC, nonce);
				return;
			}
		}
		// Twitch never said what UNLISTEN of a topic not listened to does; succeeding
		// changes nothing either way.
		requested.forEach((topic) -> this.connections.unlisten(connection, topic));
		respond(connection, OK, nonce);
	}

	private @Nullable List<String> topicsOf(JsonNode data) {
		JsonNode topics = data.path("topics");
		if (!topics.isArray() || topics.isEmpty()) {
			return null;
		}
		List<String> values = new ArrayList<>(topics.size());
		for (JsonNode topic : topics) {
			if (!topic.isString()) {
				return null;
			}
			values.add(topic.asString());
		}
		return values;
	}

	private @Nullable Topic parse(String value) {
		try {
			return Topic.parse(value);
		}
		catch (InvalidTopicException ex) {
			if (this.settings.allowUndocumentedTopics() && !value.isBlank() && !value.contains(" ")) {
				return Topic.undocumented(value);
			}
			return null;
		}
	}

	/**
	 * A user access token, valid now, of the user the topic names, with the topic's
	 * scope.
	 */
	private boolean authorises(@Nullable String token, Topic topic) {
		TokenCheck check = this.accounts.check(token);
		IssuedToken issued = check.token();
		TopicType type = topic.type();
		return check.isValid() && issued != null && issued.userId() != null && type != null
				&& issued.userId().equals(topic.authorizingUserId()) && issued.scopes().contains(type.scope());
	}

	void revoked(IssuedToken token) {
		for (ClientConnection connection : this.connections.all()) {
			List<String> topics = connection.topics()
				.entrySet()
				.stream()
				.filter((entry) -> entry.getValue().equals(token.accessToken()))
				.map(Map.Entry::getKey)
				.sorted()
				.toList();
			if (!topics.isEmpty()) {
				topics.forEach((topic) -> this.connections.unlisten(connection, topic));
				connection.send(ServerJson.authRevoked(topics));
			}
		}
	}

	private void respond(ClientConnection connection, String error, String nonce) {
		this.stats.response(error);
		if (this.faults.withholdsResponses()) {
			return;
		}
		String response = ServerJson.response(error, nonce);
		long delay = this.faults.responseDelay().toNanos();
		if (delay > 0) {
			connection.channel().eventLoop().schedule(() -> connection.send(response), delay, TimeUnit.NANOSECONDS);
		}
		else {
			connection.send(response);
		}
	}

}
