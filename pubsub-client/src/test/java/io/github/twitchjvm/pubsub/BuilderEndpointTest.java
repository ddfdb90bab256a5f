package io.github.twitchjvm.pubsub;

import java.net.URI;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Where {@link PubSubClientBuilder} lets a client connect, given that it sends tokens
 * there: the builder refuses what {@code EndpointPolicy} refuses, naming the setting.
 */
class BuilderEndpointTest {

	private static final String TOKEN = "secret-token-0123456789";

	private final Logger clientLogger = (Logger) LoggerFactory.getLogger(PubSubClient.class);

	private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

	@BeforeEach
	void listen() {
		this.logged.start();
		this.clientLogger.addAppender(this.logged);
	}

	@AfterEach
	void stopListening() {
		this.clientLogger.detachAppender(this.logged);
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://pubsub-edge.twitch.tv", "https://pubsub-edge.twitch.tv", "ftp://example.com/",
			"pubsub-edge.twitch.tv", "/socket", "ws://pubsub-edge.twitch.tv", "ws://203.0.113.7:8080/" })
	void refusesWhatWouldSendTokensInClearOrNowhere(String uri) {
		PubSubClientBuilder builder = PubSubClient.builder().accessToken(TOKEN).uri(URI.create(uri));

		assertThatExceptionOfType(InvalidSettingException.class).isThrownBy(builder::build)
			.satisfies((ex) -> assertThat(ex.setting()).isEqualTo(PubSubSetting.URI))
			.withMessageStartingWith("uri (" + uri + ") is invalid.");
		assertThatExceptionOfType(InvalidSettingException.class).isThrownBy(builder::validate);
	}

	@Test
	void namesTheOptionThatAllowsInsecureConnections() {
		PubSubClientBuilder builder = PubSubClient.builder()
			.accessToken(TOKEN)
			.uri(URI.create("ws://pubsub.example.com/"));

		assertThatExceptionOfType(InvalidSettingException.class).isThrownBy(builder::validate)
			.satisfies((ex) -> assertThat(ex.reason((setting) -> "[" + setting.name() + "]")).contains("in clear",
					"wss://", "[ALLOW_INSECURE]"))
			.withMessageContaining("allowInsecure");
	}

	@Test
	void neverShowsCredentialsOfARefusedUri() {
		PubSubClientBuilder builder = PubSubClient.builder()
			.accessToken(TOKEN)
			.uri(URI.create("ws://user:" + TOKEN + "@pubsub.example.com/?token=" + TOKEN));

		assertThatExceptionOfType(InvalidSettingException.class).isThrownBy(builder::build)
			.satisfies((ex) -> assertThat(String.valueOf(ex.value())).doesNotContain(TOKEN))
			.withMessageNotContaining(TOKEN);
	}

	@ParameterizedTest
	@ValueSource(strings = { "wss://pubsub-edge.twitch.tv", "ws://127.0.0.1:8080/", "ws://localhost:8080/",
			"ws://[::1]:8080/" })
	void buildsForWssAnywhereAndWsToLoopbackWithoutAWarning(String uri) {
		PubSubClientBuilder builder = PubSubClient.builder().accessToken(TOKEN).uri(URI.create(uri));

		builder.validate();
		assertThat(builder.build()).isNotNull();
		assertThat(this.logged.list).noneMatch((event) -> event.getLevel() == Level.WARN);
	}

	@Test
	void buildsForWsToAnotherHostWhenAllowedAndWarnsOnceNamingTheHost() {
		PubSubClientBuilder builder = PubSubClient.builder()
			.accessToken(TOKEN)
			.uri(URI.create("ws://pubsub.example.com:8080/"))
			.allowInsecure(true);

		builder.validate();
		assertThat(builder.build()).isNotNull();
		List<ILoggingEvent> warnings = this.logged.list.stream()
			.filter((event) -> event.getLevel() == Level.WARN)
			.toList();
		assertThat(warnings).singleElement()
			.satisfies((event) -> assertThat(event.getFormattedMessage()).contains("pubsub.example.com", "in clear")
				.doesNotContain(TOKEN));
	}

}
