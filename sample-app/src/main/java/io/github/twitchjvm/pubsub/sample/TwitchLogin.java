package io.github.twitchjvm.pubsub.sample;

import java.io.IOException;

import io.github.twitchjvm.eventsub.autoconfigure.EventSubLifecycle;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * The {@code twitch} profile's start: the EventSub client (which does not start with the
 * context, {@code twitch.eventsub.auto-startup=false}) starts as soon as the bot's user
 * has authorized the application: at once when the token store holds their authorization
 * (a restart), else when they log in on the page. Until then the subscriptions the
 * handlers made wait in the stopped client, so that nothing fails for want of a token and
 * nothing needs a restart.
 */
@Component
@Profile("twitch")
class TwitchLogin implements AuthenticationSuccessHandler, Dashboard.LoginStatus {

	private static final Logger logger = LoggerFactory.getLogger(TwitchLogin.class);

	private final OAuth2AuthorizedClientService clients;

	private final EventSubLifecycle eventSub;

	private final String botUser;

	private final String registrationId;

	private final AuthenticationSuccessHandler toThePage = new SimpleUrlAuthenticationSuccessHandler("/");

	TwitchLogin(OAuth2AuthorizedClientService clients, EventSubLifecycle eventSub,
			@Value("${twitch.pubsub.user-id}") String botUser,
			@Value("${twitch.pubsub.oauth2.registration-id:twitch}") String registrationId) {
		this.clients = clients;
		this.eventSub = eventSub;
		this.botUser = botUser;
		this.registrationId = registrationId;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onReady() {
		if (isAuthorized()) {
			logger.info("Twitch user {} authorized the bot before: starting EventSub", this.botUser);
			startEventSub();
		}
		else {
			logger.info("Twitch user {} has not authorized the bot yet: open the page and log in with Twitch ({})",
					this.botUser, loginPath());
		}
	}

	/** After a login: the user's authorization is stored by now. */
	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		if (!this.botUser.equals(authentication.getName())) {
			refuse(request, response, authentication);
			return;
		}
		logger.info("Twitch user {} logged in: starting EventSub", this.botUser);
		startEventSub();
		this.toThePage.onAuthenticationSuccess(request, response, authentication);
	}

	/**
	 * Anyone may log in with Twitch, but only the bot's user is kept: another user's
	 * tokens are forgotten at once (the bot has no use for them and should not hold
	 * them), and so is their session.
	 */
	private void refuse(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException {
		logger.warn("Twitch user {} logged in, but the bot is user {} (TWITCH_USER_ID): refused, nothing kept",
				authentication.getName(), this.botUser);
		this.clients.removeAuthorizedClient(this.registrationId, authentication.getName());
		SecurityContextHolder.clearContext();
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		response.sendError(HttpServletResponse.SC_FORBIDDEN,
				"Only the bot's own Twitch user may log in here; log out of Twitch and log in as that user.");
	}

	@Override
	public Dashboard.Login status() {
		return new Dashboard.Login(isAuthorized(), this.botUser, loginPath());
	}

	private synchronized void startEventSub() {
		if (!this.eventSub.isRunning()) {
			this.eventSub.start();
		}
	}

	private boolean isAuthorized() {
		return this.clients.loadAuthorizedClient(this.registrationId, this.botUser) != null;
	}

	private String loginPath() {
		return "/oauth2/authorization/" + this.registrationId;
	}

}
