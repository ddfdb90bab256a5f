package io.github.twitchjvm.pubsub.sample;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells, once the application is ready, which URLs to open. */
@Component
class PageLinks {

	private static final Logger logger = LoggerFactory.getLogger(PageLinks.class);

	@EventListener
	void onReady(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
			return;
		}
		WebServer server = web.getWebServer();
		if (server == null) {
			return;
		}
		Environment environment = event.getApplicationContext().getEnvironment();
		// Twitch sends the login back only to the redirect URL registered for the
		// application, which the README has name localhost; the page must be opened under
		// the same name, or the login's session cookie is not sent back with it.
		String host = environment.matchesProfiles("twitch") ? "localhost"
				: environment.getProperty("server.address", "localhost");
		String base = "http://" + host + ":" + server.getPort();
		String actuator = Arrays
			.stream(environment.getProperty("management.endpoints.web.exposure.include", "health").split(","))
			.map(String::strip)
			.filter((id) -> !id.isEmpty())
			.map((id) -> base + "/actuator/" + id)
			.collect(Collectors.joining(", "));
		logger.info("Open {}/ to watch the bot live; actuator: {}", base, actuator);
	}

}
