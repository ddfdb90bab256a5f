package io.github.twitchjvm.bridge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.github.twitchjvm.pubsub.message.PayloadCodec;
import io.github.twitchjvm.pubsub.message.PubSubPayload;
import io.github.twitchjvm.pubsub.message.UnknownPayload;
import io.github.twitchjvm.pubsub.topic.TopicType;

/**
 * What a PubSub payload type can and cannot receive over EventSub, for checks at startup:
 * a handler of a variant that never arrives should fail early and say what to use
 * instead.
 *
 * <pre>{@code
 * PayloadMigration.unsupported(TopicType.WHISPERS, WhisperEvent.ThreadUpdate.class);
 * // Optional["EventSub does not deliver whisper thread updates ..."]
 * PayloadMigration.absentFields(TopicType.BITS_V2, BitsEvent.Cheer.class);
 * // [totalBitsUsed, badgeEntitlement, badgeTierEntitlement]
 * }</pre>
 */
public final class PayloadMigration {

	private PayloadMigration() {
	}

	/**
	 * Whether a payload type receives nothing over EventSub, and if so what to use
	 * instead. The family's payload type itself converts (its handler receives the
	 * variants that convert); so do the variants EventSub has a source for. A family's
	 * {@code Unknown} variant does not: the bridge writes only message types it knows.
	 * @param family the topic family
	 * @param payloadType the family's payload type ({@link PayloadCodec#payloadType}) or
	 * one of its variants
	 * @return empty when the type converts; otherwise the advice: the EventSub type and
	 * version, and the {@code @TwitchEvent} annotation, to use instead (if any), and why
	 * it does not convert
	 * @throws IllegalArgumentException if the type is not a payload of the family
	 */
	public static Optional<String> unsupported(TopicType family, Class<? extends PubSubPayload> payloadType) {
		FamilyConversion conversion = conversion(family, payloadType);
		String advice = conversion.unsupported().get(payloadType);
		if (advice != null) {
			return Optional.of(displayName(payloadType) + " never arrives over EventSub: " + advice);
		}
		if (UnknownPayload.class.isAssignableFrom(payloadType)) {
			return Optional.of(displayName(payloadType)
					+ " never arrives over EventSub: the bridge writes only the message types it converts ("
					+ variantNames(conversion) + "); handle other EventSub types with @TwitchEvent");
		}
		return Optional.empty();
	}

	/**
	 * The fields of a payload type that are always absent over EventSub ({@code null}, or
	 * the empty value of their type, as the PubSub model reads a missing field), named as
	 * <em>record component paths</em>: from the variant for a variant (for example
	 * {@code whisper.tags.badges} for {@code WhisperEvent.Received}, {@code []} marking a
	 * list's elements), and prefixed with the variant's simple name for the family's
	 * payload type (for example {@code Received.whisper.tags.badges}). A few entries name
	 * a field absent only in some cases, in words ({@code args[1] of a timeout (its
	 * length)}).
	 * @param family the topic family
	 * @param payloadType the family's payload type or one of its variants
	 * @return the paths; empty for a type that converts completely and for one that never
	 * arrives (see {@link #unsupported(TopicType, Class)})
	 * @throws IllegalArgumentException if the type is not a payload of the family
	 */
	public static List<String> absentFields(TopicType family, Class<? extends PubSubPayload> payloadType) {
		FamilyConversion conversion = conversion(family, payloadType);
		Map<Class<? extends PubSubPayload>, List<String>> absent = conversion.absentFields();
		List<String> own = absent.get(payloadType);
		if (own != null) {
			return own;
		}
		if (payloadType != PayloadCodec.payloadType(family)) {
			return List.of();
		}
		List<String> all = new ArrayList<>();
		absent.entrySet()
			.stream()
			.sorted(Comparator.comparing((entry) -> entry.getKey().getSimpleName()))
			.forEach((entry) -> entry.getValue()
				.forEach((path) -> all.add(entry.getKey().getSimpleName() + "." + path)));
		return List.copyOf(all);
	}

	private static FamilyConversion conversion(TopicType family, Class<? extends PubSubPayload> payloadType) {
		Class<? extends PubSubPayload> familyType = PayloadCodec.payloadType(family);
		if (!familyType.isAssignableFrom(payloadType)) {
			throw new IllegalArgumentException(payloadType.getName() + " is not a payload of " + family.prefix()
					+ ", which carries " + familyType.getSimpleName());
		}
		return Conversions.of(family);
	}

	/** The name as code writes it, for example {@code WhisperEvent.ThreadUpdate}. */
	private static String displayName(Class<?> type) {
		String canonical = type.getCanonicalName();
		String name = (canonical != null) ? canonical : type.getName();
		return name.substring(type.getPackageName().length() + 1);
	}

	private static String variantNames(FamilyConversion conversion) {
		return conversion.absentFields()
			.keySet()
			.stream()
			.map(Class::getSimpleName)
			.sorted()
			.collect(Collectors.joining(", "));
	}

}
