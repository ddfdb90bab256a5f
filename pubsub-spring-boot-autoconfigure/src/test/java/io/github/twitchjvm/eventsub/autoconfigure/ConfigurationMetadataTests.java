package io.github.twitchjvm.eventsub.autoconfigure;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata an IDE reads: every property of both protocols is there,
 * with a description, nested groups included.
 */
class ConfigurationMetadataTests {

	@Test
	void everyPropertyOfBothProtocolsIsDescribed() throws Exception {
		JsonNode metadata;
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).isNotNull();
			metadata = JsonMapper.builder().build().readTree(in);
		}
		List<String> names = new ArrayList<>();
		List<String> undescribed = new ArrayList<>();
		for (JsonNode property : metadata.path("properties")) {
			String name = property.path("name").asString();
			names.add(name);
			if (name.startsWith("twitch.") && property.path("description").asString("").isBlank()) {
				undescribed.add(name);
			}
		}
		assertThat(undescribed).isEmpty();
		assertThat(names).contains("twitch.pubsub.transport", "twitch.eventsub.client-id", "twitch.eventsub.url",
				"twitch.eventsub.helix-url", "twitch.eventsub.access-token", "twitch.eventsub.user-id",
				"twitch.eventsub.keepalive-timeout", "twitch.eventsub.max-sessions",
				"twitch.eventsub.subscriptions-per-session", "twitch.eventsub.dispatch.max-queued-bytes",
				"twitch.eventsub.dispatch.executor", "twitch.eventsub.health.grace-period",
				"twitch.eventsub.reconnect.max-delay");
	}

}
