package io.github.twitchjvm.annotation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * Observes one call of a listener method, for both annotation models: an observation (a
 * timer under Micrometer, a span under tracing) with the listener's id, what it received
 * and the outcome, current for the method's duration.
 */
public final class ObservedInvocation {

	private ObservedInvocation() {
	}

	/**
	 * Calls a listener inside an observation, or directly when nothing observes.
	 * @param registry where observations go
	 * @param name the observation's name, such as {@code twitch.pubsub.listener}
	 * @param listenerId the listener's id, tag {@code listener.id}
	 * @param kindKey the tag naming what the listener received, such as
	 * {@code topic.type}
	 * @param kind its value, from a bounded set
	 * @param call the call
	 * @throws Exception what the call threw
	 */
	public static void observe(ObservationRegistry registry, String name, String listenerId, String kindKey,
			String kind, Call call) throws Exception {
		if (registry.isNoop()) {
			call.invoke();
			return;
		}
		Observation observation = Observation.createNotStarted(name, registry)
			.lowCardinalityKeyValue("listener.id", listenerId)
			.lowCardinalityKeyValue(kindKey, kind)
			.start();
		String outcome = "success";
		// The scope makes the observation current for the handler (tracing, MDC); it is
		// closed by hand, since the handler never refers to it.
		Observation.Scope scope = observation.openScope();
		try {
			if (!call.invoke()) {
				outcome = "failure";
			}
		}
		catch (Exception | Error ex) {
			outcome = "failure";
			observation.error(ex);
			throw ex;
		}
		finally {
			scope.close();
			observation.lowCardinalityKeyValue("outcome", outcome);
			observation.stop();
		}
	}

	/** A listener's call. */
	@FunctionalInterface
	public interface Call {

		/**
		 * Calls the listener.
		 * @return whether it returned normally (its failure may have gone to an error
		 * handler)
		 * @throws Exception what it threw and no error handler took
		 */
		boolean invoke() throws Exception;

	}

}
