package io.github.twitchjvm.pubsub.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Shows a {@link TwitchConfigurationException} (of either protocol) as a startup failure
 * report with its action.
 */
class TwitchConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<TwitchConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, TwitchConfigurationException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
