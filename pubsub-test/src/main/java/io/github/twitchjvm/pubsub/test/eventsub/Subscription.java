package io.github.twitchjvm.pubsub.test.eventsub;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One subscription; its status changes only under {@link EventSubState}'s lock.
 */
final class Subscription {

	static final String ENABLED = "enabled";

	private final String id;

	private final long sequence;

	private final SubscriptionTypes.Definition definition;

	private final Map<String, String> condition;

	private final String sessionId;

	private final String clientId;

	private final String userId;

	private final Instant createdAt;

	private String status = ENABLED;

	private @Nullable Instant disabledAt;

	private @Nullable Instant disconnectedAt;

	Subscription(String id, long sequence, SubscriptionTypes.Definition definition, Map<String, String> condition,
			String sessionId, String clientId, String userId, Instant createdAt) {
		this.id = id;
		this.sequence = sequence;
		this.definition = definition;
		this.condition = Collections.unmodifiableMap(new LinkedHashMap<>(condition));
		this.sessionId = sessionId;
		this.clientId = clientId;
		this.userId = userId;
		this.createdAt = createdAt;
	}

	String id() {
		return this.id;
	}

	/** Creation order, for {@code GET}'s oldest-first pages and cursors. */
	long sequence() {
		return this.sequence;
	}

	String type() {
		return this.definition.type();
	}

	String version() {
		return this.definition.version();
	}

	int cost() {
		return this.definition.cost();
	}

	Map<String, String> condition() {
		return this.condition;
	}

	String sessionId() {
		return this.sessionId;
	}

	String clientId() {
		return this.clientId;
	}

	String userId() {
		return this.userId;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	String status() {
		return this.status;
	}

	boolean isEnabled() {
		return this.status.equals(ENABLED);
	}

	@Nullable Instant disabledAt() {
		return this.disabledAt;
	}

	@Nullable Instant disconnectedAt() {
		return this.disconnectedAt;
	}

	boolean ownedBy(String clientId, String userId) {
		return this.clientId.equals(clientId) && this.userId.equals(userId);
	}

	void disable(String status, Instant at, boolean disconnected) {
		this.status = status;
		this.disabledAt = at;
		if (disconnected) {
			this.disconnectedAt = at;
		}
	}

	EventSubSubscription view() {
		return new EventSubSubscription(this.id, type(), version(), this.condition, this.status, this.sessionId, cost(),
				this.clientId, this.userId, this.createdAt, this.disabledAt);
	}

}
