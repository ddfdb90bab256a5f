package io.github.twitchjvm.pubsub.test;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/** The open client connections, and which of them listen to which topic. */
final class Connections {

	private final AtomicLong ids = new AtomicLong();

	private final Map<String, ClientConnection> byId = new ConcurrentHashMap<>();

	private final Map<String, Set<ClientConnection>> byTopic = new ConcurrentHashMap<>();

	String nextId() {
		return "c" + this.ids.incrementAndGet();
	}

	void add(ClientConnection connection) {
		this.byId.put(connection.id(), connection);
	}

	void remove(ClientConnection connection) {
		this.byId.remove(connection.id());
		for (String topic : connection.topics().keySet()) {
			unlisten(connection, topic);
		}
	}

	void listen(ClientConnection connection, String topic, String token) {
		connection.topics().put(topic, token);
		this.byTopic.computeIfAbsent(topic, (key) -> ConcurrentHashMap.newKeySet()).add(connection);
	}

	void unlisten(ClientConnection connection, String topic) {
		connection.topics().remove(topic);
		this.byTopic.computeIfPresent(topic, (key, listeners) -> {
			listeners.remove(connection);
			return listeners.isEmpty() ? null : listeners;
		});
	}

	Collection<ClientConnection> listeners(String topic) {
		Set<ClientConnection> listeners = this.byTopic.get(topic);
		return (listeners != null) ? List.copyOf(listeners) : List.of();
	}

	Collection<ClientConnection> all() {
		return List.copyOf(this.byId.values());
	}

	int size() {
		return this.byId.size();
	}

	/**
	 * The connection with the given id, or every connection when the id is {@code null}.
	 * @throws IllegalArgumentException for an id that is not open
	 */
	Collection<ClientConnection> select(@Nullable String id) {
		if (id == null) {
			return all();
		}
		ClientConnection connection = this.byId.get(id);
		if (connection == null) {
			throw new IllegalArgumentException("No open connection '" + id + "'; open: " + this.byId.keySet());
		}
		return List.of(connection);
	}

}
