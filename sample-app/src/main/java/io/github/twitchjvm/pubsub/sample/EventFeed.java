package io.github.twitchjvm.pubsub.sample;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.twitchjvm.core.log.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * What the handlers did, for the live page: the last {@value #KEPT} entries, and each new
 * one sent to every open page as a server-sent event. A handler only appends to a bounded
 * queue and returns: one sender thread writes to the browsers, so a slow or vanished
 * browser never holds up a handler. When the browsers fall {@value #QUEUED} entries
 * behind, the oldest unsent entry is dropped (the page misses it; it is counted) rather
 * than the handler waiting. A page that connects gets the recent entries first.
 */
@Component
class EventFeed implements SmartLifecycle, DisposableBean {

	/** How many entries a new page gets. */
	static final int KEPT = 200;

	/** How many entries may wait for the sender. */
	static final int QUEUED = 1000;

	/** How long a page's stream lasts; the browser's EventSource then opens another. */
	static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

	/** A comment this often keeps idle streams open and finds gone browsers. */
	private static final Duration KEEPALIVE = Duration.ofSeconds(15);

	private static final Logger logger = LoggerFactory.getLogger(EventFeed.class);

	/** The last entries, newest last (guarded by itself, with {@link #sequence}). */
	private final Deque<FeedEntry> recent = new ArrayDeque<>();

	private long sequence;

	private final BlockingQueue<FeedEntry> outbox = new ArrayBlockingQueue<>(QUEUED);

	private final Queue<SseEmitter> joining = new ConcurrentLinkedQueue<>();

	private final List<SseEmitter> browsers = new CopyOnWriteArrayList<>();

	private final AtomicLong dropped = new AtomicLong();

	/**
	 * This run's name: ids start at 1 again after a restart, and a page that outlived the
	 * server must not take the new entries for ones it has shown.
	 */
	private final String run = Long.toString(System.currentTimeMillis(), 36);

	private final Thread sender;

	private volatile boolean running = true;

	private volatile boolean open;

	/** The id of the last entry sent to the browsers (the sender thread's). */
	private long lastSent;

	EventFeed() {
		this.sender = new Thread(this::sendLoop, "event-feed");
		this.sender.setDaemon(true);
		this.sender.start();
	}

	/**
	 * Adds an entry; never blocks.
	 * @param family what it is about, such as {@code bits} or {@code connection}
	 * @param text what happened; text from Twitch is made safe (control characters
	 * escaped, length capped)
	 */
	void publish(String family, String text) {
		synchronized (this.recent) {
			FeedEntry entry = new FeedEntry(this.run, ++this.sequence, Instant.now(), family, LogText.safe(text, 300));
			this.recent.addLast(entry);
			if (this.recent.size() > KEPT) {
				this.recent.removeFirst();
			}
			while (!this.outbox.offer(entry)) {
				if (this.outbox.poll() != null) {
					this.dropped.incrementAndGet();
				}
			}
		}
	}

	/**
	 * A stream for a new page, which gets the recent entries first.
	 * @return the emitter to return from the controller
	 */
	SseEmitter subscribe() {
		return join(new SseEmitter(STREAM_TIMEOUT.toMillis()));
	}

	/**
	 * Adds a page's stream: the sender thread sends it the recent entries, then each new
	 * one.
	 * @param emitter the stream
	 * @return the stream
	 */
	SseEmitter join(SseEmitter emitter) {
		if (!this.open) {
			// Stopping or stopped: the page's EventSource tries again, at the next
			// server.
			emitter.complete();
			return emitter;
		}
		emitter.onCompletion(() -> this.browsers.remove(emitter));
		emitter.onTimeout(emitter::complete);
		emitter.onError((error) -> this.browsers.remove(emitter));
		this.joining.add(emitter);
		return emitter;
	}

	/**
	 * The recent entries.
	 * @return the last {@value #KEPT}, oldest first
	 */
	List<FeedEntry> recent() {
		synchronized (this.recent) {
			return List.copyOf(this.recent);
		}
	}

	/**
	 * Entries the pages missed because they fell behind.
	 * @return how many were dropped
	 */
	long dropped() {
		return this.dropped.get();
	}

	/**
	 * The open pages.
	 * @return how many streams are open
	 */
	int browsers() {
		return this.browsers.size();
	}

	private void sendLoop() {
		while (this.running) {
			try {
				sendUntilStopped();
				return;
			}
			catch (RuntimeException ex) {
				// A bug here must not silence the page for the rest of the run.
				logger.warn("The live page's sender failed; it goes on", ex);
			}
		}
	}

	private void sendUntilStopped() {
		long idleSince = System.nanoTime();
		while (this.running) {
			FeedEntry entry;
			try {
				entry = this.outbox.poll(200, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				this.running = false;
				return;
			}
			SseEmitter joiner;
			while ((joiner = this.joining.poll()) != null) {
				welcome(joiner);
			}
			if (entry != null) {
				this.lastSent = entry.id();
				for (SseEmitter browser : this.browsers) {
					send(browser,
							SseEmitter.event()
								.id(Long.toString(entry.id()))
								.name("feed")
								.data(entry, MediaType.APPLICATION_JSON));
				}
				idleSince = System.nanoTime();
			}
			else if (System.nanoTime() - idleSince > KEEPALIVE.toNanos()) {
				for (SseEmitter browser : this.browsers) {
					send(browser, SseEmitter.event().comment("keepalive"));
				}
				idleSince = System.nanoTime();
			}
		}
	}

	/**
	 * Sends a new page what was sent so far; later entries come through the outbox, in
	 * order, without repeats.
	 */
	private void welcome(SseEmitter emitter) {
		List<FeedEntry> sent = new ArrayList<>();
		for (FeedEntry entry : recent()) {
			if (entry.id() <= this.lastSent) {
				sent.add(entry);
			}
		}
		this.browsers.add(emitter);
		if (!send(emitter, SseEmitter.event().comment("recent " + sent.size()))) {
			return;
		}
		for (FeedEntry entry : sent) {
			if (!send(emitter,
					SseEmitter.event()
						.id(Long.toString(entry.id()))
						.name("feed")
						.data(entry, MediaType.APPLICATION_JSON))) {
				return;
			}
		}
	}

	/** A browser that cannot be written to is gone: it is forgotten. */
	private boolean send(SseEmitter browser, SseEmitter.SseEventBuilder event) {
		try {
			browser.send(event);
			return true;
		}
		catch (IOException | IllegalStateException ex) {
			this.browsers.remove(browser);
			logger.debug("A page's event stream ended: {}", ex.toString());
			return false;
		}
		catch (RuntimeException ex) {
			// Not a closed stream but a failure to write the event: this page is dropped,
			// the others go on.
			this.browsers.remove(browser);
			browser.completeWithError(ex);
			logger.warn("Could not write to a page's event stream; it was closed", ex);
			return false;
		}
	}

	@Override
	public void start() {
		this.open = true;
	}

	/**
	 * Ends the pages' streams first, so that the web server's graceful shutdown does not
	 * wait for them (a browser would reconnect to a server that is going away).
	 */
	@Override
	public void stop() {
		this.open = false;
		for (SseEmitter browser : this.browsers) {
			browser.complete();
		}
	}

	@Override
	public boolean isRunning() {
		return this.open;
	}

	/**
	 * The highest phase: started last and, what matters here, stopped first, before the
	 * web server's graceful shutdown waits for open requests.
	 */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

	@Override
	public void destroy() {
		this.running = false;
		this.sender.interrupt();
		stop();
	}

	/**
	 * One thing the bot saw or did.
	 *
	 * @param run which run of the application this entry is from
	 * @param id increasing within a run, the event's id in the stream
	 * @param at when
	 * @param family what it is about
	 * @param text what happened
	 */
	record FeedEntry(String run, long id, Instant at, String family, String text) {
	}

}
