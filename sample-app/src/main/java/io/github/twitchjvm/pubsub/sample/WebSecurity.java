package io.github.twitchjvm.pubsub.sample;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may see what. The demo (any profile but {@code twitch}) is open: it runs against
 * the fake server on this machine only. The {@code twitch} profile shows the page to
 * anyone who can reach it, with a login link, and its data (the feed, the state, the
 * {@code twitchpubsub} endpoint) only to the bot's own Twitch user once logged in.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

	/**
	 * The demo: everything open, without CSRF tokens (there is no login or session to
	 * protect, and the README's {@code curl -X POST .../actuator/twitchpubsub} has none).
	 */
	@Bean
	@Profile("!twitch")
	SecurityFilterChain openDemo(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.build();
	}

	@Bean
	@Profile("twitch")
	SecurityFilterChain twitchLoginRequired(HttpSecurity http, TwitchLogin login,
			@Value("${twitch.pubsub.user-id}") String botUser) throws Exception {
		AuthorizationManager<RequestAuthorizationContext> theBot = (authentication,
				context) -> new AuthorizationDecision(
						authentication.get().isAuthenticated() && botUser.equals(authentication.get().getName()));
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		return http
			.authorizeHttpRequests((requests) -> requests
				.requestMatchers(paths.matcher("/"), paths.matcher("/index.html"), paths.matcher("/app.js"),
						paths.matcher("/style.css"), paths.matcher("/error"), paths.matcher("/actuator/health/**"))
				.permitAll()
				.anyRequest()
				.access(theBot))
			.oauth2Login((oauth2) -> oauth2.successHandler(login))
			// The page's scripts get 401 (and show the login link), not a redirect to
			// Twitch.
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
					new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), paths.matcher("/api/**")))
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(
					new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), paths.matcher("/feed")))
			.build();
	}

}
