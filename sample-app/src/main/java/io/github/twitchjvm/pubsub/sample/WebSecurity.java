package io.github.twitchjvm.pubsub.sample;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.jspecify.annotations.Nullable;

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
 * Who may see what, per profile. The {@code demo} profile is open: it runs against the
 * fake server, on this machine only. The {@code twitch} profile shows the page to anyone
 * who can reach it, with a login link, and its data (the feed, the state, the
 * {@code twitchpubsub} endpoint) only to the bot's own Twitch user once logged in. With
 * neither (the bot on a token from {@code TWITCH_ACCESS_TOKEN}, with no login to ask
 * for), only this machine is served: an address other than {@code 127.0.0.1}, or a proxy
 * in front, must not hand the bot's activity to the network.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

	/**
	 * The demo: everything open, without CSRF tokens (there is no login or session to
	 * protect, and the README's {@code curl -X POST .../actuator/twitchpubsub} has none).
	 */
	@Bean
	@Profile("demo & !twitch")
	SecurityFilterChain openDemo(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.build();
	}

	/**
	 * The bot on a token: no login exists to tell who asks, so the answer depends on
	 * where the request comes from. CSRF protection stays on, so that a web page this
	 * machine's browser opens cannot post to the application.
	 */
	@Bean
	@Profile("!demo & !twitch")
	SecurityFilterChain thisMachineOnly(HttpSecurity http) throws Exception {
		AuthorizationManager<RequestAuthorizationContext> thisMachine = (authentication,
				context) -> new AuthorizationDecision(isLoopback(context.getRequest().getRemoteAddr()));
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().access(thisMachine))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.FORBIDDEN)))
			.build();
	}

	private static boolean isLoopback(@Nullable String remoteAddress) {
		if (remoteAddress == null) {
			return false;
		}
		try {
			// The servlet container gives an IP literal: nothing is looked up.
			return InetAddress.getByName(remoteAddress).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
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
			.authorizeHttpRequests(
					(requests) -> requests
						.requestMatchers(paths.matcher("/"), paths.matcher("/index.html"), paths.matcher("/app.js"),
								paths.matcher("/style.css"), paths.matcher("/favicon.ico"), paths.matcher("/error"),
								paths.matcher("/actuator/health/**"))
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
