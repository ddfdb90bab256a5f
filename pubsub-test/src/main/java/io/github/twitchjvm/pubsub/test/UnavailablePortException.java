package io.github.twitchjvm.pubsub.test;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A port of the fake server could not be bound: in use, not allowed, or an address that
 * is not this machine's. It names the setting to change, so that the standalone server
 * can say which option to use.
 */
final class UnavailablePortException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final String address;

	private final String setting;

	private final String reason;

	UnavailablePortException(String address, String setting, String reason, @Nullable Throwable cause) {
		super("Cannot listen on " + address + " (FakeServerSettings." + setting + "): " + reason, cause);
		this.address = address;
		this.setting = setting;
		this.reason = reason;
	}

	/** Where the server tried to listen, such as {@code 127.0.0.1:17080}, or the host. */
	String address() {
		return this.address;
	}

	/** The setting to change: {@code port}, {@code controlPort} or {@code host}. */
	String setting() {
		return this.setting;
	}

	/** Why, as the operating system said it, such as "Address already in use". */
	String reason() {
		return this.reason;
	}

	/** Whether the port is taken, rather than the address wrong or the port forbidden. */
	boolean inUse() {
		return this.reason.toLowerCase(Locale.ROOT).contains("in use");
	}

}
