package io.github.twitchjvm.core.dispatch;

import org.jspecify.annotations.Nullable;

/**
 * A message's payload could not be decoded into the type a handler takes. A
 * {@link SubscriptionQueue} counts it as {@link DropReason#DECODE_ERROR} rather than as a
 * handler failure, logs it (rate-limited) and delivers the next message.
 */
public class PayloadDecodingException extends RuntimeException {

	/**
	 * Creates the exception.
	 * @param message what could not be decoded and why, without the payload's content
	 * @param cause the parser's exception, or {@code null}
	 */
	public PayloadDecodingException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
