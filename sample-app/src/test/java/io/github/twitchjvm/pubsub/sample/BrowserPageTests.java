package io.github.twitchjvm.pubsub.sample;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live page in a real browser: headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, given by path so that Selenium Manager never runs and nothing
 * is downloaded) loads {@code /}, and the feed fills with every handler family's events
 * while the counts go up. Skipped where Chromium is not installed
 * ({@code .ci/install-chromium} installs it).
 */
@SpringBootTest(classes = { SampleApplication.class, DemoConfiguration.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "demo.duration=0s", "demo.events-per-second=20", "demo.faults=false" })
@ActiveProfiles("demo")
@DirtiesContext
@EnabledIf(value = "chromiumInstalled",
		disabledReason = "Headless Chromium is not installed (/usr/bin/chromium and /usr/bin/chromedriver, Debian's "
				+ "chromium and chromium-driver packages: run .ci/install-chromium)")
class BrowserPageTests {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	@LocalServerPort
	int port;

	@TempDir
	Path profile;

	private WebDriver browser;

	/**
	 * Whether to run: with Chromium installed, or always where CI installed it
	 * ({@code CI_REQUIRE_BROWSER=1}), so that a browser CI failed to install fails the
	 * build instead of skipping this test.
	 */
	static boolean chromiumInstalled() {
		return (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
				|| "1".equals(System.getenv("CI_REQUIRE_BROWSER"));
	}

	@BeforeEach
	void startChromium() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--user-data-dir=" + this.profile.toAbsolutePath());
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
	}

	@AfterEach
	void stopChromium() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void thePageShowsLiveEventsAndCountsThatGoUp() {
		this.browser.get("http://127.0.0.1:" + this.port + "/");
		assertThat(this.browser.getTitle()).isEqualTo("Channel bot, live");
		await().untilAsserted(() -> assertThat(text("stream")).isEqualTo("stream: live"));
		await().untilAsserted(() -> assertThat(feedFamilies()).containsAll(LivePageTests.HANDLER_FAMILIES));
		await().untilAsserted(() -> assertThat(text("connection")).isEqualTo("connected"));
		long received = Long.parseLong(text("received"));
		int seen = Integer.parseInt(text("seen"));
		await().untilAsserted(() -> {
			assertThat(Long.parseLong(text("received"))).isGreaterThan(received);
			assertThat(Integer.parseInt(text("seen"))).isGreaterThan(seen);
		});
		List<WebElement> topics = this.browser.findElements(By.cssSelector("#topics tbody tr"));
		assertThat(topics).hasSize(10);
		assertThat(text("bits")).endsWith("anonymous").doesNotStartWith("0 bits");
		assertThat(this.browser.findElements(By.cssSelector("#leaders li"))).isNotEmpty();
	}

	@Test
	void afterARestartThePageShowsTheNewRunsEntriesThoughTheirIdsStartAgain() {
		this.browser.get("http://127.0.0.1:" + this.port + "/");
		await().untilAsserted(() -> assertThat(Integer.parseInt(text("seen"))).isGreaterThan(1));
		// What the restarted server sends first: id 1 again, under another run.
		((JavascriptExecutor) this.browser).executeScript("addEntry({run: 'restarted', id: 1, at: new Date()"
				+ ".toISOString(), family: 'restart-check', text: 'the first entry after a restart'});");
		assertThat(feedFamilies()).contains("restart-check");
	}

	private String text(String id) {
		return this.browser.findElement(By.id(id)).getText();
	}

	/**
	 * The families of the feed's rows, read in one script: the page trims its oldest rows
	 * while the test reads.
	 */
	private Set<String> feedFamilies() {
		Object families = ((JavascriptExecutor) this.browser).executeScript(
				"return Array.from(document.querySelectorAll('#feed li')).map((row) => row.dataset.family);");
		return ((List<?>) families).stream().map(String::valueOf).collect(Collectors.toSet());
	}

}
