package io.github.twitchjvm.pubsub.testcontainers;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.github.dockerjava.api.command.InspectContainerResponse;
import io.github.twitchjvm.core.auth.AccessToken;
import io.github.twitchjvm.core.auth.StaticTokenProvider;
import io.github.twitchjvm.core.auth.TwitchTokenProvider;
import io.github.twitchjvm.pubsub.message.PayloadCodec;
import io.github.twitchjvm.pubsub.message.PubSubPayload;
import io.github.twitchjvm.pubsub.test.ConnectionInfo;
import io.github.twitchjvm.pubsub.test.ReceivedFrame;
import io.github.twitchjvm.pubsub.test.ServerStats;
import io.github.twitchjvm.pubsub.topic.Topic;
import io.github.twitchjvm.pubsub.topic.TopicType;
import org.jspecify.annotations.Nullable;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The fake Twitch server (PubSub, EventSub, Helix, OAuth and its control API) in a
 * container, for tests whose CI runs Docker. Its image is built from this project's
 * Dockerfile (see the README); the server in it registers the demo users below with fixed
 * tokens carrying every scope.
 *
 * <pre class="code">
 * &#64;Container
 * &#64;ServiceConnection
 * static FakeTwitchContainer twitch = new FakeTwitchContainer("twitchjvm/fake-twitch:0.1.0-SNAPSHOT");
 * </pre>
 *
 * With {@code @ServiceConnection} a Spring Boot test gets the starter's PubSub and
 * EventSub connection details from it: addresses, the demo broadcaster's token and user
 * id, the OAuth client id. Without Spring, {@link #pubSubUri()}, {@link #eventSubUri()},
 * {@link #helixUri()} and {@link #demoTokens()} configure a client.
 * <p>
 * The control API is a set of methods mirroring the in-process server's:
 * {@link #publish}, {@link #faults()}, {@link #eventSub()}, {@link #accounts()},
 * {@link #connections()}, {@link #stats()}, {@link #reset()}. By default the server's
 * ports are mapped as usual; with {@code withNetworkMode("host")} it listens on free
 * ports of the host's {@code 127.0.0.1} instead, which it reports when it has started.
 */
public class FakeTwitchContainer extends GenericContainer<FakeTwitchContainer> {

	/** The image name every image of the fake server is compatible with. */
	public static final DockerImageName DEFAULT_IMAGE_NAME = DockerImageName.parse("twitchjvm/fake-twitch");

	/**
	 * PubSub, EventSub ({@code /ws}), Helix ({@code /helix}) and OAuth ({@code /oauth2}).
	 */
	public static final int PORT = 17080;

	/** The control API. */
	public static final int CONTROL_PORT = 17081;

	/** The demo broadcaster's user id; {@code @ServiceConnection} acts as this user. */
	public static final String BROADCASTER_ID = "100000001";

	/** The demo broadcaster's login. */
	public static final String BROADCASTER_LOGIN = "demo_broadcaster";

	/** The demo moderator of the broadcaster's channel. */
	public static final String MODERATOR_ID = "100000002";

	/** A demo viewer. */
	public static final String VIEWER_ID = "100000003";

	/** The OAuth client the demo tokens belong to; Helix wants it beside every token. */
	public static final String CLIENT_ID = "fakeclientid0000000000000000000";

	/** The secret of {@link #CLIENT_ID}, for the token endpoint. */
	public static final String CLIENT_SECRET = "fakeclientsecret00000000000000";

	/** The demo users' fixed tokens (valid only on the fake server), by user id. */
	static final Map<String, String> DEMO_TOKENS = Map.of(BROADCASTER_ID, "demobroadcastertoken0000000000",
			MODERATOR_ID, "demomoderatortoken000000000000", VIEWER_ID, "demoviewertoken000000000000000");

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

	/** Where the running server listens; empty while the container is not running. */
	private final AtomicReference<@Nullable ServerBanner> banner = new AtomicReference<>();

	private final ControlApi control = new ControlApi(controlAddress(this.banner));

	private final ContainerFaults faults = new ContainerFaults(this.control);

	private final ContainerEventSub eventSub = new ContainerEventSub(this.control);

	private final ContainerAccounts accounts = new ContainerAccounts(this.control);

	/**
	 * A container of the given image.
	 * @param image an image built from the project's Dockerfile, such as
	 * {@code twitchjvm/fake-twitch:0.1.0-SNAPSHOT}
	 */
	public FakeTwitchContainer(String image) {
		this(DockerImageName.parse(image));
	}

	/**
	 * A container of the given image.
	 * @param image an image built from the project's Dockerfile, or one declared
	 * compatible with {@link #DEFAULT_IMAGE_NAME} ({@code asCompatibleSubstituteFor})
	 */
	@SuppressWarnings("this-escape") // configuring in the constructor is how containers
										// are made
	public FakeTwitchContainer(DockerImageName image) {
		super(image);
		image.assertCompatibleWith(DEFAULT_IMAGE_NAME);
		waitForTheBanner();
	}

	/**
	 * A container of an image built when the container starts, for example by
	 * Testcontainers' {@code ImageFromDockerfile} from the project's Dockerfile.
	 * @param image the image's name once built
	 */
	@SuppressWarnings("this-escape") // configuring in the constructor is how containers
										// are made
	public FakeTwitchContainer(Future<String> image) {
		super(image);
		waitForTheBanner();
	}

	private void waitForTheBanner() {
		// The banner's last line: every port is bound and the demo users exist.
		waitingFor(Wait.forLogMessage(".*Stop with Ctrl-C\\..*", 1).withStartupTimeout(STARTUP_TIMEOUT));
	}

	@Override
	protected void configure() {
		if (onHostNetwork()) {
			// Free ports of the host's loopback, which the banner reports.
			setCommand("--port", "0", "--control-port", "0");
			return;
		}
		addExposedPorts(PORT, CONTROL_PORT);
		List<String> command = new ArrayList<>(List.of("--host", "0.0.0.0", "--port", String.valueOf(PORT),
				"--control-port", String.valueOf(CONTROL_PORT)));
		String host = getHost();
		if (!isAddressOrLoopback(host)) {
			// Requests name the Docker host (say, "docker" in a CI service): the server's
			// DNS-rebinding guard answers only names it was told of.
			command.addAll(List.of("--allowed-host", host));
		}
		setCommand(command.toArray(String[]::new));
	}

	@Override
	protected void containerIsStarted(InspectContainerResponse containerInfo) {
		this.banner.set(onHostNetwork() ? ServerBanner.parse(getLogs()) : new ServerBanner(
				URI.create("ws://" + authority(PORT)), URI.create("http://" + authority(CONTROL_PORT))));
	}

	@Override
	protected void containerIsStopped(InspectContainerResponse containerInfo) {
		this.banner.set(null);
	}

	/**
	 * The PubSub WebSocket address, instead of {@code wss://pubsub-edge.twitch.tv}.
	 * @return for example {@code ws://localhost:32771}
	 */
	public URI pubSubUri() {
		return banner().pubSub();
	}

	/**
	 * The EventSub WebSocket address, instead of {@code wss://eventsub.wss.twitch.tv/ws}.
	 * @return for example {@code ws://localhost:32771/ws}
	 */
	public URI eventSubUri() {
		return URI.create(pubSubUri() + "/ws");
	}

	/**
	 * The Helix API's base, instead of {@code https://api.twitch.tv/helix}.
	 * @return for example {@code http://localhost:32771/helix}
	 */
	public URI helixUri() {
		return URI.create(httpBase() + "/helix");
	}

	/**
	 * The OAuth endpoints' base ({@code /token}, {@code /validate}, {@code /revoke}),
	 * instead of {@code https://id.twitch.tv/oauth2}.
	 * @return for example {@code http://localhost:32771/oauth2}
	 */
	public URI oauthUri() {
		return URI.create(httpBase() + "/oauth2");
	}

	/**
	 * The control API's address, for clients in other languages; the methods of this
	 * class call it.
	 * @return for example {@code http://localhost:32772}
	 */
	public URI controlUri() {
		return banner().control();
	}

	/**
	 * The demo users' tokens, for a client built without Spring.
	 * @return a provider of the broadcaster's, the moderator's and the viewer's tokens
	 */
	public TwitchTokenProvider demoTokens() {
		Map<String, AccessToken> tokens = new HashMap<>();
		DEMO_TOKENS.forEach((user, token) -> tokens.put(user, AccessToken.of(token)));
		return StaticTokenProvider.forUsers(tokens);
	}

	/**
	 * Publishes an inner message to every connection listening to a topic.
	 * @param topic the topic string, such as {@code whispers.100000001}
	 * @param message the inner message, usually JSON
	 * @return how many connections it was written to
	 */
	public int publish(String topic, String message) {
		return this.control.post("/publish", Map.of("topic", topic, "message", message)).path("delivered").asInt();
	}

	/**
	 * Publishes a typed payload, encoded in the wire shape Twitch used on that topic.
	 * @param topic the topic
	 * @param payload the payload
	 * @return how many connections it was written to
	 */
	public int publish(Topic topic, PubSubPayload payload) {
		TopicType type = topic.type();
		String message = (type != null) ? PayloadCodec.standard().encode(type, payload)
				: PayloadCodec.standard().encode(payload);
		return publish(topic.value(), message);
	}

	/**
	 * @return the PubSub faults: {@code RECONNECT}, closes, drops, unanswered pings...
	 */
	public ContainerFaults faults() {
		return this.faults;
	}

	/**
	 * @return the EventSub service: notifications, session faults, Helix errors
	 */
	public ContainerEventSub eventSub() {
		return this.eventSub;
	}

	/**
	 * @return the users, OAuth clients and tokens
	 */
	public ContainerAccounts accounts() {
		return this.accounts;
	}

	/**
	 * @return the open PubSub connections, with their topics
	 */
	public List<ConnectionInfo> connections() {
		return this.control.getList("/connections", ConnectionInfo.class);
	}

	/**
	 * @return the frames PubSub clients sent, tokens masked, oldest first
	 */
	public List<ReceivedFrame> receivedFrames() {
		return this.control.getList("/frames", ReceivedFrame.class);
	}

	/**
	 * @return the PubSub counters
	 */
	public ServerStats stats() {
		return this.control.get("/stats", ServerStats.class);
	}

	/**
	 * Clears faults (EventSub's Helix failures and rate limits too), counters and
	 * recorded frames, as between tests. Users, tokens, connections and EventSub sessions
	 * and subscriptions stay.
	 */
	public void reset() {
		this.control.post("/reset", Map.of());
	}

	private ServerBanner banner() {
		return running(this.banner);
	}

	private static ServerBanner running(AtomicReference<@Nullable ServerBanner> banner) {
		ServerBanner running = banner.get();
		if (running == null) {
			throw new IllegalStateException("The fake Twitch container is not running");
		}
		return running;
	}

	/**
	 * Not a method reference to this container, which a constructor must not hand out.
	 */
	private static Supplier<URI> controlAddress(AtomicReference<@Nullable ServerBanner> banner) {
		return () -> running(banner).control();
	}

	private String httpBase() {
		return "http" + pubSubUri().toString().substring("ws".length());
	}

	private String authority(int containerPort) {
		String host = getHost();
		boolean bareIpv6 = host.indexOf(':') >= 0 && !host.startsWith("[");
		return (bareIpv6 ? "[" + host + "]" : host) + ":" + getMappedPort(containerPort);
	}

	private boolean onHostNetwork() {
		return "host".equals(getNetworkMode());
	}

	/**
	 * Names the server answers to on a wildcard address without being told: loopback
	 * names and any IP address.
	 */
	private static boolean isAddressOrLoopback(String host) {
		return host.equals("localhost") || host.matches("[0-9.]+") || host.indexOf(':') >= 0;
	}

}
