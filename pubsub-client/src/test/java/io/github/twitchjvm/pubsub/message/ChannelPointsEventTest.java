package io.github.twitchjvm.pubsub.message;

import java.time.Instant;

import io.github.twitchjvm.pubsub.message.ChannelPointsEvent.RedemptionStatus;
import io.github.twitchjvm.pubsub.topic.TopicType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelPointsEventTest {

	@Test
	void decodesARedemptionWithEveryRewardField() {
		ChannelPointsEvent.RewardRedeemed redeemed = Fixtures.decode(TopicType.CHANNEL_POINTS,
				"channel-points/reward-redeemed.json", ChannelPointsEvent.RewardRedeemed.class);
		assertThat(redeemed.timestamp()).isEqualTo(Instant.parse("2023-06-17T20:14:52.903718642Z"));
		ChannelPointsEvent.Redemption redemption = redeemed.redemption();
		assertThat(redemption.id()).isEqualTo("6f2b0d8e-1c47-4a93-b5e6-9d0f3a7c2b18");
		assertThat(redemption.user()).isEqualTo(new TwitchUser("212985761", "pebble_pilot", "Pebble_Pilot"));
		assertThat(redemption.channelId()).isEqualTo("83710496");
		assertThat(redemption.userInput()).isEqualTo("Never Gonna Give You Up");
		assertThat(redemption.status()).isEqualTo(RedemptionStatus.UNFULFILLED);
		ChannelPointsEvent.Reward reward = redemption.reward();
		assertThat(reward.id()).isEqualTo("a47c1d93-5e2b-4f80-9d16-3b7e0c8a2f45");
		assertThat(reward.title()).isEqualTo("Pick the next song");
		assertThat(reward.cost()).isEqualTo(2500);
		assertThat(reward.isUserInputRequired()).isTrue();
		assertThat(reward.image()).isNull();
		assertThat(reward.defaultImage().url1x())
			.isEqualTo("https://static-cdn.jtvnw.net/custom-reward-images/default-1.png");
		assertThat(reward.backgroundColor()).isEqualTo("D9B475");
		assertThat(reward.backgroundColorHex()).isEqualTo("#D9B475");
		assertThat(reward.maxPerStream()).isEqualTo(new ChannelPointsEvent.MaxPerStream(false, 0));
		assertThat(reward.maxPerUserPerStream()).isEqualTo(new ChannelPointsEvent.MaxPerUserPerStream(false, 0));
		assertThat(reward.globalCooldown()).isEqualTo(new ChannelPointsEvent.GlobalCooldown(false, 0));
		assertThat(reward.templateId()).isNull();
		assertThat(reward.cooldownExpiresAt()).isNull();
		assertThat(reward.redemptionsRedeemedCurrentStream()).isNull();
		assertThat(reward.updatedForIndicatorAt()).isEqualTo(Instant.parse("2023-03-04T17:22:09.482017553Z"));
	}

	@Test
	void decodesARedemptionWithACustomImageAndNoInput() {
		ChannelPointsEvent.RewardRedeemed redeemed = Fixtures.decode(TopicType.CHANNEL_POINTS,
				"channel-points/reward-redeemed-image.json", ChannelPointsEvent.RewardRedeemed.class);
		ChannelPointsEvent.Reward reward = redeemed.redemption().reward();
		assertThat(redeemed.redemption().userInput()).isNull();
		assertThat(redeemed.redemption().status()).isEqualTo(RedemptionStatus.FULFILLED);
		assertThat(reward.image().url4x()).endsWith("/custom-4.png");
		assertThat(reward.backgroundColorHex()).isEqualTo("#81AEFF");
		assertThat(reward.shouldRedemptionsSkipRequestQueue()).isTrue();
		assertThat(reward.maxPerStream()).isEqualTo(new ChannelPointsEvent.MaxPerStream(true, 10));
		assertThat(reward.maxPerUserPerStream()).isEqualTo(new ChannelPointsEvent.MaxPerUserPerStream(true, 2));
		assertThat(reward.globalCooldown()).isEqualTo(new ChannelPointsEvent.GlobalCooldown(true, 300));
		assertThat(reward.redemptionsRedeemedCurrentStream()).isEqualTo(3);
		assertThat(reward.cooldownExpiresAt()).isEqualTo(Instant.parse("2023-06-18T01:07:29.514382766Z"));
	}

	@Test
	void decodesAStatusUpdateOfTheSameRedemption() {
		ChannelPointsEvent.RewardRedeemed redeemed = Fixtures.decode(TopicType.CHANNEL_POINTS,
				"channel-points/reward-redeemed.json", ChannelPointsEvent.RewardRedeemed.class);
		ChannelPointsEvent.RedemptionStatusUpdated updated = Fixtures.decode(TopicType.CHANNEL_POINTS,
				"channel-points/redemption-status-update.json", ChannelPointsEvent.RedemptionStatusUpdated.class);
		assertThat(updated.redemption().id()).isEqualTo(redeemed.redemption().id());
		assertThat(updated.redemption().status()).isEqualTo(RedemptionStatus.FULFILLED);
		assertThat(updated.timestamp()).isEqualTo(Instant.parse("2023-06-17T20:19:03.118562907Z"));
	}

	@Test
	void decodesRewardChanges() {
		ChannelPointsEvent.CustomRewardCreated created = Fixtures.decode(TopicType.CHANNEL_POINTS,
				"channel-points/custom-reward-created.json", ChannelPointsEvent.CustomRewardCreated.class);
		assertThat(created.newReward().title()).isEqualTo("Choose my crosshair");
		assertThat(created.newReward().cost()).isEqualTo(1000);
		assertThat(created.newReward().maxPerUserPerStream())
			.isEqualTo(new ChannelPointsEvent.MaxPerUserPerStream(true, 1));

		ChannelPointsEvent.CustomRewardUpdated updated = Fixtures.decode(TopicType.CHANNEL_POINTS,
				"channel-points/custom-reward-updated.json", ChannelPointsEvent.CustomRewardUpdated.class);
		assertThat(updated.updatedReward().isSubOnly()).isTrue();
		assertThat(updated.updatedReward().isPaused()).isTrue();
		assertThat(updated.updatedReward().templateId()).isEqualTo("template:4e6b1c0a-8d27-4f93-a5e1-b0c7d2f9e368");
		assertThat(updated.updatedReward().redemptionsRedeemedCurrentStream()).isZero();

		ChannelPointsEvent.CustomRewardDeleted deleted = Fixtures.decode(TopicType.CHANNEL_POINTS,
				"channel-points/custom-reward-deleted.json", ChannelPointsEvent.CustomRewardDeleted.class);
		assertThat(deleted.deletedReward().cost()).isEqualTo(50000);
		assertThat(deleted.deletedReward().isEnabled()).isFalse();
		assertThat(deleted.deletedReward().isInStock()).isFalse();
	}

	@Test
	void decodesBulkStatusProgress() {
		ChannelPointsEvent.RedemptionStatusesProgress progress = Fixtures.decode(TopicType.CHANNEL_POINTS,
				"channel-points/update-redemption-statuses-progress.json",
				ChannelPointsEvent.RedemptionStatusesProgress.class);
		assertThat(progress.progress()).isEqualTo(new ChannelPointsEvent.BulkProgress(
				"d5e0c7a1-9b34-4f82-a6d7-1e3c5b8f0a29", "83710496", "BY_REWARD", RedemptionStatus.FULFILLED, 5, 12));
		ChannelPointsEvent.RedemptionStatusesFinished finished = Fixtures.decode(TopicType.CHANNEL_POINTS,
				"channel-points/update-redemption-statuses-finished.json",
				ChannelPointsEvent.RedemptionStatusesFinished.class);
		assertThat(finished.progress().processed()).isEqualTo(12).isEqualTo(finished.progress().total());
	}

	@Test
	void keepsAnUnknownTypeWithItsRawJson() {
		String json = Fixtures.text("channel-points/unknown.json");
		assertThat(PayloadCodec.standard().decode(TopicType.CHANNEL_POINTS, json))
			.isEqualTo(new ChannelPointsEvent.Unknown("automatic-reward-redeemed", json));
	}

	@Test
	void readsAnUnknownStatusAsUnrecognized() {
		String json = Fixtures.text("channel-points/reward-redeemed.json").replace("\"UNFULFILLED\"", "\"REFUNDED\"");
		ChannelPointsEvent.RewardRedeemed redeemed = (ChannelPointsEvent.RewardRedeemed) PayloadCodec.standard()
			.decode(TopicType.CHANNEL_POINTS, json);
		assertThat(redeemed.redemption().status()).isEqualTo(RedemptionStatus.UNRECOGNIZED);
	}

}
