package io.github.twitchjvm.pubsub;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.github.twitchjvm.core.engine.EngineLoop;
import io.github.twitchjvm.core.engine.ReconnectCause;
import io.github.twitchjvm.pubsub.connection.PubSubSocket;
import io.github.twitchjvm.pubsub.connection.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Make before break: replacing a slot's socket (after the server's RECONNECT, or on
 * request) without losing or duplicating a message. The old socket keeps delivering while
 * a new one connects and listens to every topic (each topic's {@link TopicRoute} merges
 * the two streams); once the new socket confirmed everything, the old one is unlistened,
 * and closed a settle time after the answers. Twitch closes the old socket within 30 s
 * anyway; at that deadline the merges give up aligning. Belongs to the engine's loop.
 */
final class Handovers {

	private static final Logger logger = LoggerFactory.getLogger(PubSubClient.class);

	/**
	 * Twitch closes a socket within 30 s of its RECONNECT; past that, waiting for
	 * alignment cannot help.
	 */
	private static final Duration TWITCH_GRACE = Duration.ofSeconds(30);

	private final ClientSettings settings;

	private final EngineLoop loop;

	private final ClientCounters counters;

	private final Connections connections;

	private final Listening listening;

	Handovers(ClientSettings settings, EngineLoop loop, ClientCounters counters, Connections connections,
			Listening listening) {
		this.settings = settings;
		this.loop = loop;
		this.counters = counters;
		this.connections = connections;
		this.listening = listening;
	}

	/**
	 * Replaces the slot's current socket, unless it is not current (then nothing
	 * happens).
	 */
	void begin(Slot slot, PubSubSocket socket, ReconnectCause cause) {
		if (slot.socket() != socket || slot.isClosing()) {
			return;
		}
		if (slot.handingOver()) {
			// A handover is under way and its old socket still carries what the
			// replacement may not have yet.
			// Closing it now would leave no socket listening; replace this one once the
			// handover is over.
			slot.queueHandover(cause);
			return;
		}
		if (slot.handoverPaced(socket)) {
			// Asked again while its replacement is held back: the pending one stands.
			return;
		}
		Duration pace = slot.handoverPace().next();
		if (slot.handoverPace().failures() > 1) {
			// Asked again before a socket lasted the stable period: a server that sends
			// RECONNECT on every socket must not
			// have them replaced every second. The current socket keeps working
			// meanwhile.
			logger.info("Connection {}: replacement asked for again ({}); replacing it in {} ms", slot.id(),
					cause.tagValue(), pace.toMillis());
			slot.pacedHandover(socket, this.loop.schedule(pace, () -> {
				slot.pacedHandoverDue();
				replace(slot, socket, cause);
			}));
			return;
		}
		replace(slot, socket, cause);
	}

	private void replace(Slot slot, PubSubSocket socket, ReconnectCause cause) {
		if (slot.socket() != socket || !socket.isOpen() || slot.isClosing() || slot.handingOver()) {
			return;
		}
		this.counters.reconnect(slot.id(), cause);
		slot.countReconnect();
		logger.info("Connection {}: {}; opening a replacement", slot.id(),
				(cause == ReconnectCause.SERVER_RECONNECT) ? "server sent RECONNECT" : "reconnect requested");
		socket.stopKeepalive();
		slot.beginHandover(socket, this.loop.schedule(TWITCH_GRACE, () -> finish(slot, socket, true)));
		this.connections.connect(slot);
	}

	/**
	 * After a confirmation on the slot's socket (or a topic leaving the slot): once every
	 * topic is confirmed on the new socket, unlisten the old one.
	 */
	void progress(Slot slot) {
		PubSubSocket old = slot.retiring();
		PubSubSocket fresh = slot.socket();
		if (old == null || fresh == null || slot.settling()) {
			return;
		}
		for (TopicEntry entry : slot.topics()) {
			if (entry.state() != TopicState.FAILED && !entry.confirmedOn(fresh)) {
				return;
			}
		}
		// Frames the server wrote to the old socket before it registered the new LISTENs
		// may still be unread. The
		// old socket is unlistened first, so that it stops receiving, and closes a settle
		// time after the answers:
		// a fixed delay from the new socket's confirmations alone lost what a slow old
		// socket had not read yet.
		int unlistens = 0;
		Request answer = new OldSocketUnlisten(slot, old);
		for (TopicEntry entry : slot.topics()) {
			if (entry.state() != TopicState.FAILED && this.listening.unlisten(old, entry, answer)) {
				unlistens++;
			}
		}
		slot.settle(unlistens);
		if (unlistens == 0) {
			old.close();
			return;
		}
		Duration patience = max(this.settings.handoverSettle(), this.settings.listenConfirmTimeout());
		slot.settleTimer(this.loop.schedule(patience, () -> finish(slot, old, false)));
	}

	/**
	 * The old socket of the slot's handover ended (closed by {@link #finish}, by the
	 * server, or broken).
	 */
	void oldSocketEnded(Slot slot, PubSubSocket old, String detail) {
		slot.endHandover();
		ReconnectCause queued = slot.takeQueuedHandover();
		logger.debug("Handover of {}: the old socket {} {}", slot.id(), old, detail);
		PubSubSocket replacement = slot.socket();
		if (replacement == null || !replacement.isOpen()) {
			// Nothing carries the topics until the replacement opens.
			slot.topics().forEach(TopicEntry::carrierLost);
			slot.waitingForReplacement();
		}
		// A quiet topic whose streams never aligned switches on the replacement's next
		// message; give up waiting
		// after the settle time, so that no merge lingers into a later handover.
		Map<TopicRoute, Long> merges = new HashMap<>();
		slot.topics().forEach((entry) -> merges.put(entry.route(), entry.route().merges()));
		slot.mergeTimer(this.loop.schedule(this.settings.handoverSettle(), () -> merges.forEach((route, merge) -> {
			if (route.forceSwitch(merge)) {
				route.emptyOutboxLater(this.loop);
			}
		})));
		PubSubSocket current = slot.socket();
		if (queued != null && current != null && current.isOpen()) {
			begin(slot, current, queued);
		}
	}

	/**
	 * Closes the old socket: a settle time after the last UNLISTEN answer, or at Twitch's
	 * deadline, when merges still aligning give up.
	 */
	private void finish(Slot slot, PubSubSocket old, boolean deadline) {
		if (slot.retiring() != old) {
			return;
		}
		if (deadline) {
			for (TopicEntry entry : slot.topics()) {
				if (entry.route().forceSwitch()) {
					entry.route().emptyOutboxLater(this.loop);
				}
			}
		}
		old.close();
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	/**
	 * The answers to the old socket's UNLISTENs: once every one came, the server has
	 * stopped publishing there; messages it published just before may still be on their
	 * way (a server need not order its answers after its publishes), so the old socket
	 * stays for the settle time more.
	 */
	private final class OldSocketUnlisten implements Request {

		private final Slot slot;

		private final PubSubSocket old;

		OldSocketUnlisten(Slot slot, PubSubSocket old) {
			this.slot = slot;
			this.old = old;
		}

		@Override
		public void answered(String error) {
			if (this.slot.retiring() == this.old && this.slot.unlistenAnswered()) {
				this.slot.settleTimer(Handovers.this.loop.schedule(Handovers.this.settings.handoverSettle(),
						() -> finish(this.slot, this.old, false)));
			}
		}

		@Override
		public void unanswered() {
			// The patience timer set when the UNLISTENs went out closes the old socket.
		}

	}

}
