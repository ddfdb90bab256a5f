package io.github.twitchjvm.pubsub.test.junit;

import io.github.twitchjvm.pubsub.test.FakeServerSettings;
import io.github.twitchjvm.pubsub.test.FakeTwitchServer;
import io.github.twitchjvm.pubsub.test.eventsub.FakeEventSub;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.jspecify.annotations.Nullable;

/**
 * The JUnit Jupiter extension behind {@link FakeTwitch @FakeTwitch}. Register it in a
 * static field to choose the settings, and reach the server through {@link #server()} or
 * a parameter:
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static final FakeTwitchExtension twitch = new FakeTwitchExtension(
 *         FakeServerSettings.builder().firstListenTimeout(Duration.ofMillis(200)).build());
 * </pre>
 */
public final class FakeTwitchExtension
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

	private final FakeServerSettings settings;

	private @Nullable FakeTwitchServer server;

	private @Nullable Class<?> owner;

	/**
	 * An extension with the default settings, as {@link FakeTwitch @FakeTwitch} uses it.
	 */
	public FakeTwitchExtension() {
		this(FakeServerSettings.defaults());
	}

	/**
	 * An extension with the given settings.
	 * @param settings the server's settings
	 */
	public FakeTwitchExtension(FakeServerSettings settings) {
		this.settings = settings;
	}

	/**
	 * The running server.
	 * @return the server
	 * @throws IllegalStateException outside the test class's lifetime
	 */
	public FakeTwitchServer server() {
		FakeTwitchServer current = this.server;
		if (current == null) {
			throw new IllegalStateException("The fake Twitch server runs only while the test class runs");
		}
		return current;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		// Nested test classes inherit the extension; the server belongs to the outermost
		// class.
		if (this.server == null) {
			this.server = FakeTwitchServer.start(this.settings);
			this.owner = context.getRequiredTestClass();
		}
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		server().reset();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		FakeTwitchServer current = this.server;
		if (current != null && context.getRequiredTestClass() == this.owner) {
			this.server = null;
			this.owner = null;
			current.close();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		return type == FakeTwitchServer.class || type == FakeEventSub.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return (parameter.getParameter().getType() == FakeEventSub.class) ? server().eventSub() : server();
	}

}
