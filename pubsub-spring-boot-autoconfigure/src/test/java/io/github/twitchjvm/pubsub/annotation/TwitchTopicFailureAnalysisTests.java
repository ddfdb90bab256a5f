package io.github.twitchjvm.pubsub.annotation;

import java.util.Date;
import java.util.function.Consumer;

import io.github.twitchjvm.pubsub.autoconfigure.PubSubAutoConfiguration;
import io.github.twitchjvm.pubsub.message.BitsEvent;
import io.github.twitchjvm.pubsub.message.PubSubMessage;
import io.github.twitchjvm.pubsub.message.WhisperEvent;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every mistake in a {@code @TwitchTopic} method fails the startup with a report that
 * names the method and the fix, through the failure analyzer Spring Boot loads from
 * {@code spring.factories}. No server is needed: nothing connects before the listeners
 * are resolved.
 */
class TwitchTopicFailureAnalysisTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(PropertyPlaceholderAutoConfiguration.class, PubSubAutoConfiguration.class))
		.withPropertyValues("twitch.pubsub.url=ws://127.0.0.1:9/unused",
				"twitch.pubsub.access-token=abcdefghijklmnopqrstuvwxyz0123", "twitch.pubsub.user-id=44322889",
				"twitch.pubsub.auto-startup=false");

	@Test
	void unknownFamily() {
		assertFailure(UnknownFamily.class, (analysis) -> {
			assertThat(analysis.getDescription()).contains(UnknownFamily.class.getName() + ".handle(WhisperEvent)")
				.contains("unknown topic family 'whisper'");
			assertThat(analysis.getAction()).contains("whispers").contains("channel-points-channel-v1");
		});
	}

	@Test
	void missingIds() {
		this.runner.withPropertyValues("twitch.pubsub.user-id=").withBean(MissingIds.class).run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("listens to chat_moderator_actions without userId");
			assertThat(analysis.getAction()).contains("twitch.pubsub.user-id")
				.contains("chat_moderator_actions.<user_id>.<channel_id>");
		});
	}

	@Test
	void idsTheFamilyDoesNotTake() {
		assertFailure(ForeignId.class, (analysis) -> {
			assertThat(analysis.getDescription()).contains("sets moderatorId, which whispers does not take");
			assertThat(analysis.getAction()).contains("whispers takes userId");
		});
	}

	@Test
	void nonNumericIdFromAPlaceholder() {
		this.runner.withPropertyValues("bot.channel=dallas").withBean(NonNumericId.class).run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("resolves to an invalid topic").contains("dallas");
			assertThat(analysis.getAction()).contains("numeric");
		});
	}

	@Test
	void parameterThatCannotBeResolved() {
		assertFailure(UnresolvableParameter.class, (analysis) -> {
			assertThat(analysis.getDescription()).contains("has parameter 1 of type java.util.Date");
			assertThat(analysis.getAction()).contains("PubSubMessage").contains("JsonNode").contains("UUID");
		});
	}

	@Test
	void variantOfAnotherFamily() {
		assertFailure(WrongFamily.class, (analysis) -> {
			assertThat(analysis.getDescription()).contains("takes " + BitsEvent.Cheer.class.getName())
				.contains("a payload of channel-bits-events-v1")
				.contains("listens to whispers");
			assertThat(analysis.getAction()).contains("Take WhisperEvent");
		});
	}

	@Test
	void typedPayloadOfAnUndocumentedTopic() {
		assertFailure(TypedUndocumented.class, (analysis) -> {
			assertThat(analysis.getDescription()).contains("undocumented topic video-playback-by-id.44322889");
			assertThat(analysis.getAction()).contains("PubSubMessage, JsonNode or String");
		});
	}

	@Test
	void topicTogetherWithAFamily() {
		assertFailure(TopicAndFamily.class,
				(analysis) -> assertThat(analysis.getDescription()).contains("sets 'topic' together with a family"));
	}

	@Test
	void missingTokenForTheTopicsUser() {
		assertFailure(OtherUsersTopic.class, (analysis) -> {
			assertThat(analysis.getDescription()).contains("listens to whispers.999")
				.contains("no token for user 999")
				.doesNotContain("abcdefghijklmnopqrstuvwxyz0123");
			assertThat(analysis.getAction()).contains("TwitchTokenProvider");
		});
	}

	@Test
	void errorHandlerThatDoesNotExist() {
		assertFailure(MissingErrorHandler.class, (analysis) -> {
			assertThat(analysis.getDescription()).contains("names the error handler 'nowhere'");
			assertThat(analysis.getAction()).contains("TwitchTopicErrorHandler bean named 'nowhere'");
		});
	}

	@Test
	void aPrototypeBean() {
		this.runner.withBean(Valid.class, Valid::new, (definition) -> definition.setScope("prototype"))
			.withUserConfiguration(PrototypeUser.class)
			.run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("which is not a singleton");
				assertThat(analysis.getAction()).contains("singleton beans");
			});
	}

	@Test
	void conflictingIdsOnRepeatedAnnotations() {
		assertFailure(ConflictingIds.class,
				(analysis) -> assertThat(analysis.getDescription()).contains("sets id to both 'one' and 'two'"));
	}

	@Test
	void anErrorHandlerBeanOfTheWrongType() {
		this.runner.withBean("notAHandler", String.class, () -> "text")
			.withBean(NamedErrorHandler.class)
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getDescription())
				.contains("names the error handler 'notAHandler', which is a java.lang.String"));
	}

	@Test
	void aPlaceholderWithoutAValue() {
		assertFailure(MissingPlaceholder.class, (analysis) -> {
			assertThat(analysis.getDescription()).contains("cannot resolve \"${bot.nowhere}\"");
			assertThat(analysis.getAction()).contains("property");
		});
	}

	@Test
	void anUndocumentedTopicNeedsNoTokenOfItsUser() {
		this.runner.withBean(Undocumented.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(TwitchTopicListenerRegistry.class).getListeners()).singleElement()
				.satisfies((listener) -> assertThat(listener.topics()).extracting(Object::toString)
					.containsExactly("video-playback-by-id.999"));
		});
	}

	@Test
	void listenersRegisterUnderLazyInitialization() {
		this.runner
			.withInitializer((context) -> context
				.addBeanFactoryPostProcessor(new org.springframework.boot.LazyInitializationBeanFactoryPostProcessor()))
			.withBean(Valid.class)
			.run((context) -> assertThat(context.getBean(TwitchTopicListenerRegistry.class).getListeners()).hasSize(1));
	}

	@Test
	void moreTopicsThanTheClientCanCarry() {
		this.runner.withPropertyValues("twitch.pubsub.max-connections=1", "twitch.pubsub.max-topics-per-connection=2")
			.withBean(ThreeChannels.class)
			.run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("want 3 topics, more than the client can listen to (2)");
				assertThat(analysis.getAction()).contains("twitch.pubsub.max-connections");
			});
	}

	@Test
	void aValidListenerStartsWithoutConnecting() {
		this.runner.withBean(Valid.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(TwitchTopicListenerRegistry.class).getListeners()).singleElement()
				.satisfies((listener) -> {
					assertThat(listener.id()).isEqualTo("twitchTopicFailureAnalysisTests.Valid#handle");
					assertThat(listener.topics()).extracting(Object::toString).containsExactly("whispers.44322889");
				});
		});
	}

	private void assertFailure(Class<?> handlers, Consumer<FailureAnalysis> check) {
		this.runner.withBean(handlers).run((context) -> {
			assertThat(context).hasFailed();
			check.accept(analyze(context.getStartupFailure()));
		});
	}

	/**
	 * Asks every failure analyzer Spring Boot would load, as SpringApplication does at a
	 * failed start.
	 */
	private static FailureAnalysis analyze(Throwable failure) {
		for (FailureAnalyzer analyzer : SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, SpringFactoriesLoader.ArgumentResolver.none(),
					// Some of Boot's own analyzers need the bean factory; they are not
					// the ones under test.
					SpringFactoriesLoader.FailureHandler.handleMessage((message, failureToLoad) -> {
					}))) {
			FailureAnalysis analysis = analyzer.analyze(failure);
			if (analysis != null && analysis.getDescription().contains("@TwitchTopic")) {
				return analysis;
			}
		}
		throw new AssertionError("No failure analysis for " + failure, failure);
	}

	static class UnknownFamily {

		@TwitchTopic("whisper")
		void handle(WhisperEvent whisper) {
		}

	}

	static class MissingIds {

		@TwitchTopic(value = "chat_moderator_actions", channelId = "44322889")
		void handle(PubSubMessage message) {
		}

	}

	static class ForeignId {

		@TwitchTopic(value = "whispers", moderatorId = "1")
		void handle(PubSubMessage message) {
		}

	}

	static class NonNumericId {

		@TwitchTopic(value = "channel-bits-events-v2", channelId = "${bot.channel}")
		void handle(PubSubMessage message) {
		}

	}

	static class UnresolvableParameter {

		@TwitchTopic("whispers")
		void handle(WhisperEvent whisper, Date when) {
		}

	}

	static class WrongFamily {

		@TwitchTopic("whispers")
		void handle(BitsEvent.Cheer cheer) {
		}

	}

	static class TypedUndocumented {

		@TwitchTopic(topic = "video-playback-by-id.44322889")
		void handle(WhisperEvent whisper) {
		}

	}

	static class TopicAndFamily {

		@TwitchTopic(value = "whispers", topic = "video-playback-by-id.44322889")
		void handle(PubSubMessage message) {
		}

	}

	static class OtherUsersTopic {

		@TwitchTopic(value = "whispers", userId = "999")
		void handle(PubSubMessage message) {
		}

	}

	static class MissingErrorHandler {

		@TwitchTopic(value = "whispers", errorHandler = "nowhere")
		void handle(PubSubMessage message) {
		}

	}

	static class PrototypeUser {

		PrototypeUser(org.springframework.beans.factory.ObjectProvider<Valid> valid) {
			valid.getObject();
		}

	}

	static class ConflictingIds {

		@TwitchTopic(value = "whispers", id = "one")
		@TwitchTopic(value = "channel-bits-events-v2", id = "two")
		void handle(PubSubMessage message) {
		}

	}

	static class NamedErrorHandler {

		@TwitchTopic(value = "whispers", errorHandler = "notAHandler")
		void handle(PubSubMessage message) {
		}

	}

	static class MissingPlaceholder {

		@TwitchTopic(value = "whispers", userId = "${bot.nowhere}")
		void handle(PubSubMessage message) {
		}

	}

	static class Undocumented {

		@TwitchTopic(topic = "video-playback-by-id.999")
		void handle(String text) {
		}

	}

	static class ThreeChannels {

		@TwitchTopic(value = "channel-bits-events-v2", channelId = { "1", "2", "3" })
		void handle(PubSubMessage message) {
		}

	}

	static class Valid {

		@TwitchTopic("whispers")
		void handle(WhisperEvent whisper) {
		}

	}

}
