package io.github.twitchjvm.bridge;

import java.util.List;

import io.github.twitchjvm.pubsub.message.AutomodQueueEvent;
import io.github.twitchjvm.pubsub.message.AutomodStatus;
import io.github.twitchjvm.pubsub.message.BitsEvent;
import io.github.twitchjvm.pubsub.message.ChannelPointsEvent;
import io.github.twitchjvm.pubsub.message.LowTrustUserEvent;
import io.github.twitchjvm.pubsub.message.PubSubPayload;
import io.github.twitchjvm.pubsub.message.SubscriptionEvent;
import io.github.twitchjvm.pubsub.topic.Topic;
import io.github.twitchjvm.pubsub.topic.TopicType;
import org.junit.jupiter.api.Test;

import static io.github.twitchjvm.bridge.EventSamples.conversion;
import static io.github.twitchjvm.bridge.EventSamples.fixture;
import static io.github.twitchjvm.bridge.EventSamples.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Events with missing, {@code null}, mistyped and unknown values: a conversion delivers
 * what the event has, with the rest absent, or skips; it never throws.
 */
class OddEventsTest {

	@Test
	void aCheerWithoutItsUsersKeepsTheBits() {
		BitsEvent.Cheer cheer = (BitsEvent.Cheer) payload("channel-bits-events-v2.1337", "channel.cheer", "1",
				fixture("partial/channel.cheer.missing_fields.json"));
		assertThat(cheer.bitsUsed()).isEqualTo(100);
		assertThat(cheer.userId()).isNull();
		assertThat(cheer.channelId()).isEmpty();
		assertThat(cheer.chatMessage()).isEmpty();
	}

	@Test
	void aHeldMessageOfNullsIsAPendingCaughtMessageOfAbsentFields() {
		AutomodQueueEvent.CaughtMessage caught = (AutomodQueueEvent.CaughtMessage) payload("automod-queue.1.1337",
				"automod.message.hold", "2", fixture("partial/automod.message.hold.nulls.json"));
		assertThat(caught.status()).isEqualTo(AutomodStatus.PENDING);
		assertThat(caught.message().id()).isEmpty();
		assertThat(caught.message().sender().login()).isEqualTo("cool_user");
		assertThat(caught.message().sentAt()).isEqualTo(java.time.Instant.EPOCH);
		assertThat(caught.reasonCode()).isNull();
	}

	@Test
	void aMistypedSubscriptionKeepsWhatIsWellTyped() {
		SubscriptionEvent.Sub sub = (SubscriptionEvent.Sub) payload("channel-subscribe-events-v1.1337",
				"channel.subscribe", "1", fixture("partial/channel.subscribe.mistyped.json"));
		assertThat(sub.channelId()).isEqualTo("1337");
		assertThat(sub.userId()).isEmpty();
		assertThat(sub.subPlan()).isEqualTo(SubscriptionEvent.SubPlan.UNRECOGNIZED);
	}

	@Test
	void anUnknownRedemptionStatusAndAnOffsetTimestamp() {
		ChannelPointsEvent.RewardRedeemed redeemed = (ChannelPointsEvent.RewardRedeemed) payload(
				"channel-points-channel-v1.1337", "channel.channel_points_custom_reward_redemption.add", "1",
				fixture("partial/channel.channel_points_custom_reward_redemption.add.odd_timestamps.json"));
		assertThat(redeemed.redemption().status()).isEqualTo(ChannelPointsEvent.RedemptionStatus.UNRECOGNIZED);
		assertThat(redeemed.redemption().userInput()).isNull();
		assertThat(redeemed.redemption().redeemedAt()).isEqualTo("2020-07-15T17:16:03.171067130Z");
	}

	@Test
	void unknownSuspicionValuesStayUnknown() {
		LowTrustUserEvent.NewMessage message = (LowTrustUserEvent.NewMessage) payload("low-trust-users.1.1337",
				"channel.suspicious_user.message", "1",
				fixture("partial/channel.suspicious_user.message.unknown_values.json"));
		assertThat(message.lowTrustUser().treatment()).isEqualTo(LowTrustUserEvent.Treatment.UNRECOGNIZED);
		assertThat(message.lowTrustUser().banEvasionEvaluation()).isNull();
		assertThat(message.lowTrustUser().types()).containsExactly(LowTrustUserEvent.Type.DETECTED_BAN_EVADER,
				LowTrustUserEvent.Type.UNRECOGNIZED);
		assertThat(message.messageContent().fragments()).singleElement()
			.satisfies((fragment) -> assertThat(fragment.text()).isEqualTo("cheer5"));
	}

	@Test
	void anUnknownNoticeIsSkipped() {
		assertThat(conversion("channel-bits-badge-unlocks.1337", "channel.chat.notification", "1",
				fixture("partial/channel.chat.notification.unknown_notice.json")))
			.isEqualTo(Conversion.skip("notice_type=unrecognized"));
	}

	@Test
	void anEventOfAnotherTypeOrAnEmptyObjectNeverThrows() {
		// Every family, given an empty event of each of its rides and of a type it does
		// not
		// ride on: a message of absent fields, or a skip.
		for (TopicType family : TopicType.values()) {
			Topic topic = Topic.parse(family.prefix() + ((family.idCount() == 1) ? ".1" : ".1.2"));
			List<EventSubRide> rides = TopicRoute.of(topic).rides();
			for (EventSubRide ride : rides) {
				assertThatNoException().as("%s from an empty %s", family, ride.type()).isThrownBy(() -> {
					Conversion conversion = conversion(topic.value(), ride.type(), ride.version(), "{}");
					for (String text : conversion.messages()) {
						PubSubPayload decoded = io.github.twitchjvm.pubsub.message.PayloadCodec.standard()
							.decode(family, text);
						assertThat(decoded).isNotNull();
					}
				});
			}
			assertThat(conversion(topic.value(), "stream.online", "1", "{}").skipped()).as(family.name()).isTrue();
		}
	}

}
