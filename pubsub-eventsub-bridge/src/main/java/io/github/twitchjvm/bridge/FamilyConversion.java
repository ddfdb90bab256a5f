package io.github.twitchjvm.bridge;

import java.util.List;
import java.util.Map;

import io.github.twitchjvm.pubsub.message.PubSubPayload;
import io.github.twitchjvm.pubsub.topic.Topic;

/**
 * How one PubSub topic family rides on EventSub: the subscriptions a topic of the family
 * needs, how their notifications become the family's PubSub messages, and what of the
 * family's payload model does not come across. Implementations are stateless and
 * thread-safe.
 */
interface FamilyConversion {

	/**
	 * The EventSub subscriptions that replace a topic of this family.
	 * @param topic a documented topic of this family
	 * @return one or more rides
	 */
	List<EventSubRide> rides(Topic topic);

	/**
	 * Converts one notification of one of {@link #rides(Topic)} into PubSub message
	 * texts. The event is lenient (missing fields are empty values), and so is this: odd
	 * content gives a message with those fields left out, or a skip.
	 * @param topic the topic the messages are for
	 * @param source the notification
	 * @return the messages, or why there are none
	 */
	Conversion convert(Topic topic, SourceEvent source);

	/**
	 * The payload variants that arrive, each with the fields that are always absent over
	 * EventSub, as record component paths from the variant (for example
	 * {@code whisper.tags.badges}).
	 * @return every converting variant (the family's record itself for a single-record
	 * family)
	 */
	Map<Class<? extends PubSubPayload>, List<String>> absentFields();

	/**
	 * The payload variants that never arrive over EventSub, except the family's
	 * {@code Unknown}, each with what to use instead and why.
	 * @return the variants and their advice
	 */
	Map<Class<? extends PubSubPayload>, String> unsupported();

}
