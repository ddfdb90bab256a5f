package io.github.twitchjvm.pubsub.test;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which {@code Host} names the HTTP endpoints answer, by the address the server is bound
 * to.
 */
class AllowedHostsTest {

	@Test
	void onLoopbackOnlyTheLoopbackNames() throws Exception {
		AllowedHosts hosts = AllowedHosts.of("127.0.0.1", InetAddress.getByName("127.0.0.1"), List.of());
		assertThat(hosts.allow("localhost:17081")).isTrue();
		assertThat(hosts.allow("127.0.0.1")).isTrue();
		assertThat(hosts.allow("[::1]:17081")).isTrue();
		assertThat(hosts.allow(null)).as("not from a browser").isTrue();
		assertThat(hosts.allow("192.168.1.20:17081")).isFalse();
		assertThat(hosts.allow("attacker.example:17081")).isFalse();
		assertThat(hosts.allow("localhost.attacker.example")).isFalse();
		assertThat(hosts.allow("127.0.0.1.nip.io")).isFalse();
	}

	@Test
	void onAnotherAddressThatAddressToo() throws Exception {
		AllowedHosts hosts = AllowedHosts.of("192.168.1.20", InetAddress.getByName("192.168.1.20"), List.of());
		assertThat(hosts.allow("192.168.1.20:17081")).isTrue();
		assertThat(hosts.allow("localhost:17081")).isTrue();
		assertThat(hosts.allow("192.168.1.21:17081")).isFalse();
		assertThat(hosts.allow("attacker.example:17081")).isFalse();

		AllowedHosts v6 = AllowedHosts.of("fd00::20", InetAddress.getByName("fd00::20"), List.of());
		assertThat(v6.allow("[fd00::20]:17081")).isTrue();
	}

	@Test
	void onAWildcardAddressAnyAddressButNoOtherName() throws Exception {
		AllowedHosts hosts = AllowedHosts.of("0.0.0.0", InetAddress.getByName("0.0.0.0"), List.of("faketwitch"));
		assertThat(hosts.allow("192.168.1.20:17081")).isTrue();
		assertThat(hosts.allow("[fd00::20]:17081")).isTrue();
		assertThat(hosts.allow("FakeTwitch:17081")).isTrue();
		assertThat(hosts.allow("attacker.example:17081")).isFalse();
		assertThat(hosts.allow("0.0.0.0.attacker.example")).isFalse();
	}

}
