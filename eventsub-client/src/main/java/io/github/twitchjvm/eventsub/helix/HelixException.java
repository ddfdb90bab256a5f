package io.github.twitchjvm.eventsub.helix;

import java.time.Instant;

import io.github.twitchjvm.core.log.LogText;

import org.jspecify.annotations.Nullable;

/**
 * Twitch refused a Helix request: the HTTP status and Twitch's own message (escaped and
 * cut to a loggable length), and for {@code 429} when the rate limit bucket refills.
 * Never carries a token.
 */
public final class HelixException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int status;

	private final String twitchMessage;

	private final @Nullable Instant rateLimitReset;

	/**
	 * Creates the exception.
	 * @param request what was asked, such as {@code POST eventsub/subscriptions
	 * channel.cheer}
	 * @param status the HTTP status
	 * @param twitchMessage the {@code message} of Twitch's error body, possibly empty
	 * @param rateLimitReset from the {@code Ratelimit-Reset} header, or {@code null}
	 */
	public HelixException(String request, int status, String twitchMessage, @Nullable Instant rateLimitReset) {
		super(request + " failed with HTTP " + status
				+ (twitchMessage.isEmpty() ? "" : ": " + LogText.safe(twitchMessage, 300)));
		this.status = status;
		this.twitchMessage = LogText.safe(twitchMessage, 300);
		this.rateLimitReset = rateLimitReset;
	}

	/**
	 * @return the HTTP status, such as 409
	 */
	public int status() {
		return this.status;
	}

	/**
	 * @return Twitch's message, escaped and cut to a loggable length
	 */
	public String twitchMessage() {
		return this.twitchMessage;
	}

	/**
	 * @return when the rate limit bucket refills ({@code Ratelimit-Reset}), or
	 * {@code null} when Twitch did not say
	 */
	public @Nullable Instant rateLimitReset() {
		return this.rateLimitReset;
	}

	/**
	 * @return whether asking again later may succeed: 429 and 5xx
	 */
	public boolean isRetryable() {
		return this.status == 429 || this.status >= 500;
	}

}
