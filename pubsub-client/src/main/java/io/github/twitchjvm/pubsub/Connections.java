package io.github.twitchjvm.pubsub;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.github.twitchjvm.core.dispatch.QueueBudget;
import io.github.twitchjvm.core.engine.Backoff;
import io.github.twitchjvm.core.engine.EngineLoop;
import io.github.twitchjvm.core.engine.EngineLoop.Scheduled;
import io.github.twitchjvm.core.engine.ReconnectCause;
import io.github.twitchjvm.core.log.RateLimitedLog;
import io.github.twitchjvm.core.transport.WebSocketTransport;
import io.github.twitchjvm.pubsub.connection.MessageRoutes;
import io.github.twitchjvm.pubsub.connection.PubSubSocket;
import io.github.twitchjvm.pubsub.connection.SocketEvents;
import io.github.twitchjvm.pubsub.connection.SocketSettings;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slots and their sockets: sharding topics over slots of at most
 * {@code topicsPerConnection}, opening a socket for each slot, and replacing one that
 * ended with backoff. What a socket reports that concerns topics (it opened, it ended,
 * the server wants it replaced or revoked a token) goes to the {@link Owner}. Belongs to
 * the engine's loop.
 */
final class Connections {

	private static final Logger logger = LoggerFactory.getLogger(PubSubClient.class);

	/**
	 * A socket away longer than this is an outage, logged at WARN: Spring's health
	 * indicator turns DOWN after the same time by default.
	 */
	static final Duration OUTAGE_WARNING = Duration.ofSeconds(30);

	/**
	 * How long a socket that did work must have lived for its loss to be retried at once:
	 * a server that confirms and drops at once must not get a reconnect storm.
	 */
	static final Duration USEFUL_LIFE = Duration.ofSeconds(1);

	/** What the engine does when a socket's life touches its topics. */
	interface Owner {

		/** The slot's socket opened: listen to the slot's topics on it. */
		void socketOpened(Slot slot, PubSubSocket socket);

		/**
		 * A socket of the slot ended: it delivers nothing more. Called before the slot
		 * reacts.
		 */
		void socketGone(Slot slot, PubSubSocket socket);

		/** The old socket of the slot's handover ended. */
		void retiredSocketEnded(Slot slot, PubSubSocket socket, String detail);

		/** The server sent RECONNECT on the socket. */
		void reconnectRequested(Slot slot, PubSubSocket socket);

		/** The server revoked the token of these topics. */
		void authorizationRevoked(Slot slot, List<String> topics);

	}

	private final ClientSettings settings;

	private final EngineLoop loop;

	private final SocketSettings socketSettings;

	private final MessageRoutes routes;

	/** Pauses the sockets' reading when handlers fall behind (if the policy says so). */
	private final QueueBudget budget;

	private final ClientCounters counters;

	private final EngineNotifier notifier;

	private final RateLimitedLog log;

	private final Consumer<Slot> slotChanged;

	private final Owner owner;

	private final List<Slot> slots = new ArrayList<>();

	private int slotIds;

	private @Nullable WebSocketTransport transport;

	Connections(ClientSettings settings, EngineLoop loop, MessageRoutes routes, QueueBudget budget,
			ClientCounters counters, EngineNotifier notifier, RateLimitedLog log, Owner owner) {
		this.settings = settings;
		this.loop = loop;
		this.socketSettings = settings.socketSettings();
		this.routes = routes;
		this.budget = budget;
		this.counters = counters;
		this.notifier = notifier;
		this.log = log;
		this.slotChanged = (slot) -> notifier.connectionChanged(slot.status());
		this.owner = owner;
	}

	void start(WebSocketTransport startedTransport) {
		this.transport = startedTransport;
	}

	/**
	 * Closes every socket; the slots are forgotten (topics are assigned anew on the next
	 * start).
	 */
	void stop() {
		for (Slot slot : this.slots) {
			closeSockets(slot);
			slot.topics().clear();
		}
		this.slots.clear();
		this.transport = null;
	}

	boolean isRunning() {
		return this.transport != null;
	}

	List<Slot> slots() {
		return this.slots;
	}

	@Nullable Slot slot(String id) {
		for (Slot slot : this.slots) {
			if (slot.id().equals(id)) {
				return slot;
			}
		}
		return null;
	}

	// --- sharding ---

	/**
	 * Gives the topic a slot: one with room, or a new one, which starts connecting.
	 * @return {@code false} when every slot is full and no more sockets are allowed
	 */
	boolean assign(TopicEntry entry) {
		if (entry.slot() != null) {
			return true;
		}
		for (Slot slot : this.slots) {
			if (!slot.isClosing() && slot.topics().size() < this.settings.topicsPerConnection()) {
				slot.topics().add(entry);
				entry.assignTo(slot);
				return true;
			}
		}
		if (this.slots.size() >= this.settings.maxConnections()) {
			return false;
		}
		Slot slot = new Slot("pubsub-" + (++this.slotIds), this.loop,
				new Backoff(this.settings.reconnectInitialDelay(), this.settings.reconnectMaxDelay()),
				new Backoff(this.settings.reconnectInitialDelay(), this.settings.reconnectMaxDelay()),
				this.slotChanged);
		this.slots.add(slot);
		slot.topics().add(entry);
		entry.assignTo(slot);
		connect(slot);
		return true;
	}

	/**
	 * Takes a topic off its slot; a slot left without topics closes.
	 * @return the slot if it still has topics, else {@code null}
	 */
	@Nullable Slot release(TopicEntry entry) {
		Slot slot = entry.slot();
		entry.unassign();
		if (slot == null) {
			return null;
		}
		slot.topics().remove(entry);
		if (!slot.topics().isEmpty()) {
			return slot;
		}
		closeSockets(slot);
		this.slots.remove(slot);
		return null;
	}

	private void closeSockets(Slot slot) {
		PubSubSocket current = slot.socket();
		PubSubSocket old = slot.retiring();
		slot.close();
		if (current != null) {
			current.close();
		}
		if (old != null) {
			old.close();
		}
	}

	// --- sockets ---

	/** Opens a new socket for the slot. */
	void connect(Slot slot) {
		WebSocketTransport started = this.transport;
		if (started == null) {
			return;
		}
		PubSubSocket socket = new PubSubSocket(slot.nextSocketId(), this.loop, this.socketSettings,
				new SlotEvents(slot), this.routes);
		slot.connecting(socket);
		// Messages may come as soon as it opens, before the engine hears of the open.
		for (TopicEntry entry : slot.topics()) {
			if (entry.isWanted() && entry.route().wantedOn(socket, slot.retiring())) {
				entry.route().emptyOutboxLater(this.loop);
			}
		}
		socket.connect(started);
	}

	private void opened(Slot slot, PubSubSocket socket) {
		if (!isRunning() || slot.socket() != socket || slot.isClosing()) {
			socket.close();
			return;
		}
		Scheduled stable = this.loop.schedule(this.settings.stablePeriod(), () -> {
			if (slot.socket() == socket && socket.isOpen()) {
				slot.backoff().reset();
				slot.handoverPace().reset();
			}
		});
		Instant down = slot.downSince();
		if (down != null) {
			logger.info("Connection {} is open again: recovered after {} ms and {} attempt(s)", slot.id(),
					Duration.between(down, this.loop.now()).toMillis(), slot.backoff().failures());
		}
		else if (slot.retiring() == null) {
			logger.info("Connection {} is open", slot.id());
		}
		slot.opened(stable);
		this.budget.register(socket);
		this.owner.socketOpened(slot, socket);
	}

	private void ended(Slot slot, PubSubSocket socket, ReconnectCause cause, String detail) {
		this.budget.unregister(socket);
		this.owner.socketGone(slot, socket);
		if (slot.isClosing()) {
			// The slot was closed on purpose (emptied, or the client stopped): its
			// sockets' ends change nothing,
			// least of all topics that a newer slot carries by now.
			return;
		}
		if (socket == slot.retiring()) {
			this.owner.retiredSocketEnded(slot, socket, detail);
			return;
		}
		if (socket != slot.socket()) {
			return;
		}
		slot.socketLost();
		if (socket.closedByClient() || !isRunning() || slot.isClosing()) {
			slot.closed();
			return;
		}
		this.counters.reconnect(slot.id(), cause);
		slot.countReconnect();
		PubSubSocket old = slot.retiring();
		boolean oldStillDelivers = old != null && old.isOpen();
		if (!oldStillDelivers) {
			slot.topics().forEach(TopicEntry::carrierLost);
		}
		if (slot.didWorkFor(USEFUL_LIFE)) {
			// The socket did work: its loss is retried at once again, however often the
			// server drops sockets that work. One that dies at once keeps backing off.
			slot.backoff().reset();
		}
		Duration delay = slot.backoff().next();
		Instant down = slot.downSince();
		Duration away = (down != null) ? Duration.between(down, this.loop.now()) : Duration.ZERO;
		if (away.compareTo(OUTAGE_WARNING) > 0) {
			this.log.warn("outage-" + slot.id(),
					"Connection {} has been down for {} s: {} ({}); reconnecting in {} ms (attempt {})", slot.id(),
					away.toSeconds(), detail, cause.tagValue(), delay.toMillis(), slot.backoff().failures());
		}
		else {
			logger.info("Connection {} {} ({}); reconnecting in {} ms", slot.id(), detail, cause.tagValue(),
					delay.toMillis());
		}
		Scheduled attempt = this.loop.schedule(delay, () -> {
			if (isRunning() && slot.socket() == null && !slot.isClosing()) {
				connect(slot);
			}
		});
		slot.reconnectScheduled(attempt, !oldStillDelivers);
	}

	/** One slot's sockets report here. */
	private final class SlotEvents implements SocketEvents {

		private final Slot slot;

		SlotEvents(Slot slot) {
			this.slot = slot;
		}

		@Override
		public void opened(PubSubSocket socket) {
			Connections.this.opened(this.slot, socket);
		}

		@Override
		public void ended(PubSubSocket socket, ReconnectCause cause, String detail) {
			Connections.this.ended(this.slot, socket, cause, detail);
		}

		@Override
		public void reconnectRequested(PubSubSocket socket) {
			Connections.this.owner.reconnectRequested(this.slot, socket);
		}

		@Override
		public void authorizationRevoked(PubSubSocket socket, List<String> topics) {
			Connections.this.owner.authorizationRevoked(this.slot, topics);
		}

		@Override
		public void pong(PubSubSocket socket, Duration roundTrip) {
			Connections.this.notifier.pongReceived(this.slot.id(), roundTrip);
		}

		@Override
		public void badFrame(PubSubSocket socket, String reason) {
			Connections.this.counters.badFrames.increment();
			Connections.this.log.warn("bad-frame", "Connection {} received a frame it cannot use ({}); ignored",
					this.slot.id(), reason);
		}

		@Override
		public void unexpectedFrame(PubSubSocket socket, String reason) {
			Connections.this.counters.unexpectedFrames.increment();
			Connections.this.log.warn("unexpected-frame", "Connection {} received {}; ignored", this.slot.id(), reason);
		}

	}

}
