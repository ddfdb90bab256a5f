package io.github.twitchjvm.pubsub.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo over real HTTP, as a browser sees it: every handler family's events reach the
 * handlers and come out of the page's event stream ({@code /feed}, read with the JDK's
 * HTTP client), a page that connects later gets the recent entries first, {@code /}
 * serves the page, and {@code /api/state} tells the connection, the topics with their
 * counts and the tallies. Over PubSub here; {@link LivePageOverEventSubTests} over
 * EventSub.
 */
@SpringBootTest(classes = { SampleApplication.class, DemoConfiguration.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "demo.duration=0s", "demo.events-per-second=50", "demo.faults=false" })
@ActiveProfiles("demo")
@DirtiesContext
class LivePageTests {

	/** The families the handlers publish to the feed: one per handler family. */
	static final Set<String> HANDLER_FAMILIES = Set.of("whispers", "bits", "badges", "channel-points", "subscriptions",
			"moderation", "automod", "own-messages", "low-trust");

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	CheerTally cheers;

	@Autowired
	BadgeAnnouncer badges;

	@Autowired
	RedemptionQueue redemptions;

	@Autowired
	SubscriberTally subscribers;

	@Autowired
	ModerationAudit moderation;

	@Autowired
	AutomodInbox automod;

	@Autowired
	OwnMessageNotices ownMessages;

	@Autowired
	LowTrustWatch lowTrust;

	@Autowired
	WhisperCommands whispers;

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<Stream<String>> streams = new CopyOnWriteArrayList<>();

	@AfterEach
	void closeStreams() {
		this.streams.forEach(Stream::close);
	}

	@Test
	void everyHandlerFamilyReachesThePageOverServerSentEvents() throws Exception {
		List<JsonNode> entries = openFeed();
		await().untilAsserted(() -> {
			assertThat(this.cheers.totalBits()).isPositive();
			assertThat(this.cheers.legacyCheers()).isPositive();
			assertThat(this.badges.viewersWithBadges()).isPositive();
			assertThat(this.redemptions.redeemed()).isPositive();
			assertThat(this.subscribers.total()).isPositive();
			assertThat(this.moderation.total()).isPositive();
			assertThat(this.automod.caught()).isPositive();
			assertThat(this.ownMessages.caught()).isPositive();
			assertThat(this.lowTrust.watched() + this.lowTrust.messages()).isPositive();
			assertThat(this.whispers.answers()).isNotEmpty();
			assertThat(entries.stream().map((entry) -> entry.get("family").asString())).containsAll(HANDLER_FAMILIES);
		});
		String run = entries.get(0).get("run").asString();
		assertThat(run).isNotBlank();
		assertThat(entries).allSatisfy((entry) -> {
			assertThat(entry.get("run").asString()).isEqualTo(run);
			assertThat(entry.get("id").asLong()).isPositive();
			assertThat(entry.get("text").asString()).isNotBlank();
			assertThat(entry.get("at").asString()).isNotBlank();
		});
		assertThat(entries.stream().map((entry) -> entry.get("id").asLong()).toList()).isSorted()
			.doesNotHaveDuplicates();
	}

	@Test
	void aPageThatConnectsLaterGetsTheRecentEntriesFirst() throws Exception {
		List<JsonNode> first = openFeed();
		await().until(() -> first.size() >= 20);
		long seen = first.get(19).get("id").asLong();
		List<JsonNode> later = openFeed();
		await().until(() -> later.size() >= 20);
		assertThat(later.get(0).get("id").asLong()).isLessThanOrEqualTo(seen);
		assertThat(later.stream().map((entry) -> entry.get("id").asLong()).toList()).isSorted().doesNotHaveDuplicates();
	}

	@Test
	void servesThePageAndItsState() throws Exception {
		HttpResponse<String> page = get("/");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(page.body()).contains("Live events").contains("app.js");
		assertThat(get("/app.js").body()).contains("new EventSource(\"feed\")");
		await().untilAsserted(() -> {
			JsonNode state = json.readTree(get("/api/state").body());
			assertThat(state.get("transport").asString()).isEqualTo(expectedTransport());
			assertThat(state.get("connected").asBoolean()).isTrue();
			assertThat(state.get("connections").size()).isPositive();
			assertThat(state.get("topics").size()).isEqualTo(expectedTopics());
			assertThat(state.get("topics").valueStream()).allSatisfy((topic) -> {
				assertThat(topic.get("state").asString()).isIn("ACTIVE", "ENABLED");
				assertThat(topic.get("count").asLong()).isPositive();
			});
			assertThat(state.get("channel").get("totalBits").asLong()).isPositive();
			assertThat(state.get("channel").get("leaders").size()).isPositive();
			assertThat(state.get("login").isNull()).isTrue();
		});
	}

	String expectedTransport() {
		return "pubsub";
	}

	/** The bot's ten topics. */
	int expectedTopics() {
		return 10;
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** Opens {@code /feed} and collects its entries, as they come, on another thread. */
	private List<JsonNode> openFeed() throws Exception {
		HttpResponse<Stream<String>> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/feed"))
				.header("Accept", "text/event-stream")
				.build(), HttpResponse.BodyHandlers.ofLines());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		Stream<String> lines = response.body();
		this.streams.add(lines);
		List<JsonNode> entries = new CopyOnWriteArrayList<>();
		Thread reader = new Thread(() -> {
			try {
				lines.filter((line) -> line.startsWith("data:"))
					.forEach((line) -> entries.add(json.readTree(line.substring("data:".length()))));
			}
			catch (RuntimeException ex) {
				// The stream was closed.
			}
		}, "feed-reader");
		reader.setDaemon(true);
		reader.start();
		return entries;
	}

}
