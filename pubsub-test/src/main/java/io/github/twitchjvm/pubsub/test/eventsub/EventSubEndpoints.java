package io.github.twitchjvm.pubsub.test.eventsub;

import java.util.function.IntSupplier;
import java.util.function.Predicate;

import io.netty.channel.ChannelHandler;

/**
 * The fake EventSub service's wiring into a fake server's Netty pipelines. Built by
 * {@code FakeTwitchServer}; applications use {@link FakeEventSub} instead.
 */
public final class EventSubEndpoints {

	private final EventSubState state;

	private final HelixRateLimit rateLimit;

	private final HelixFaults helixFaults = new HelixFaults();

	private final FakeEventSub control;

	private final EventSubUpgrade upgrade;

	private final HelixEndpoints helix;

	private final EventSubControlEndpoints controlEndpoints;

	/**
	 * Builds the service.
	 * @param settings how it behaves
	 * @param tokens the token store Helix checks tokens against
	 * @param host the host name the server's URIs use
	 * @param port the port of the server once bound, for reconnect URLs
	 * @param allowedHosts the {@code Host} headers the server answers to; a reconnect URL
	 * repeats the client's own when it is one of them
	 * @param maxFramePayloadLength the largest WebSocket frame accepted from a client
	 */
	public EventSubEndpoints(EventSubSettings settings, TokenLookup tokens, String host, IntSupplier port,
			Predicate<String> allowedHosts, int maxFramePayloadLength) {
		this.state = new EventSubState(settings, host, port, allowedHosts);
		this.rateLimit = new HelixRateLimit(settings.helixRateLimit(), System::nanoTime);
		this.control = new FakeEventSub(this.state, this.helixFaults, this.rateLimit);
		this.upgrade = new EventSubUpgrade(this.state, maxFramePayloadLength);
		this.helix = new HelixEndpoints(this.state, tokens, this.rateLimit, this.helixFaults);
		this.controlEndpoints = new EventSubControlEndpoints(this.control);
	}

	/**
	 * @return the control object
	 */
	public FakeEventSub control() {
		return this.control;
	}

	/**
	 * The handler that takes over a connection asking for {@code /ws}; it goes after the
	 * HTTP aggregator and before the PubSub WebSocket handler.
	 * @return a sharable handler
	 */
	public ChannelHandler webSocketUpgrade() {
		return this.upgrade;
	}

	/**
	 * The handler of {@code /helix/...} requests; others pass on.
	 * @return a sharable handler
	 */
	public ChannelHandler helix() {
		return this.helix;
	}

	/**
	 * The handler of the control API's {@code /eventsub/...} routes, which the control
	 * port's own handler passes on.
	 * @return a sharable handler
	 */
	public ChannelHandler controlEndpoints() {
		return this.controlEndpoints;
	}

	/** Cuts every EventSub socket, for stopping the server. */
	public void dropAll() {
		this.state.dropAll();
	}

}
