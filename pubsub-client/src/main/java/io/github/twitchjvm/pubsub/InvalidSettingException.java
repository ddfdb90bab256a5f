package io.github.twitchjvm.pubsub;

import java.util.function.Function;

/**
 * A setting of {@link PubSubClientBuilder} is outside what works. The message names the
 * builder's option; an integration that binds settings under other names asks for
 * {@link #reason(Function)} with its own names.
 */
public class InvalidSettingException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final PubSubSetting setting;

	private final transient Object value;

	private final transient Function<Function<PubSubSetting, String>, String> reason;

	InvalidSettingException(PubSubSetting setting, Object value,
			Function<Function<PubSubSetting, String>, String> reason) {
		super(setting.builderName() + " (" + value + ") is invalid. " + reason.apply(PubSubSetting::builderName));
		this.setting = setting;
		this.value = value;
		this.reason = reason;
	}

	/**
	 * @return the setting that is invalid
	 */
	public PubSubSetting setting() {
		return this.setting;
	}

	/**
	 * @return the value it had
	 */
	public Object value() {
		return this.value;
	}

	/**
	 * What would work, naming settings the caller's way.
	 * @param names the caller's name of each setting, such as a property name
	 * @return the reason, for example "It must be more than 12s plus ping-jitter (4s)..."
	 */
	public String reason(Function<PubSubSetting, String> names) {
		return this.reason.apply(names);
	}

}
