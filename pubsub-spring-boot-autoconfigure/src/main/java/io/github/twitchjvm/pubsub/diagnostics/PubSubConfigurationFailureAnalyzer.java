package io.github.twitchjvm.pubsub.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Shows a {@link PubSubConfigurationException} as a startup failure report with its
 * action.
 */
class PubSubConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<PubSubConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, PubSubConfigurationException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
	}

}
