package io.cardex.it.api;

import io.cardex.cli.pipeline.Pipeline;
import io.cardex.it.support.ApiClient;
import io.cardex.it.support.CardRepositoryFixture;
import io.cardex.it.support.CardVectors;
import io.cardex.it.support.TempDirectories;
import io.cardex.it.support.TestPipeline;
import io.cardex.it.support.UniqueNames;
import io.cardex.stack.Installation;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The search page in a real browser, Debian's headless Chromium, over the whole pipeline on the
 * example cards, twelve more COCO cards to page through, a model in three versions, and a card
 * that tries to run scripts in its reader's browser. Saves the screenshot of the README,
 * docs/search-page.png.
 */
class SearchPageIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String HOSTILE = "hub/mindspore/1.8/hostilenet_voc2012";
    private static final int COCO_COPIES = 12;
    private static final List<String> RESNET50_VERSIONS = List.of("1.8", "1.9", "1.10");
    /** The examples (four model cards, a paper page), the hostile card, the copies and ResNet-50's versions. */
    private static final int CARDS = 5 + 1 + COCO_COPIES + RESNET50_VERSIONS.size();
    /** Each card is a model of its own, but ResNet-50's three versions are one. */
    private static final int MODELS = CARDS - RESNET50_VERSIONS.size() + 1;
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static CardRepositoryFixture repository;
    private static Path work;
    private static Path profile;
    private static Pipeline pipeline;
    private static ApiClient api;
    private static ChromeDriverService driverService;
    private static ChromeDriver browser;
    private static String page;

    @BeforeAll
    static void startThePipelineAndTheBrowser() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("the search page is tested in Debian's headless Chromium, missing here (" + CHROMIUM + ", "
                    + CHROMEDRIVER + "): apt-get install chromium chromium-driver");
        }
        work = TempDirectories.create("cardex-it-page-");
        repository = CardRepositoryFixture.create().addEveryExample()
                .write("mindspore/1.8/hostilenet_voc2012.md", resource("cards/hostilenet_voc2012.md"));
        String nasFpn = Files.readString(Installation.current().examples().resolve("mindspore/1.6/nasfpn_coco2017.md"));
        for (int copy = 1; copy <= COCO_COPIES; copy++) {
            repository.write("mindspore/1.6/nasfpn_coco2017_" + copy + ".md", nasFpn);
        }
        RESNET50_VERSIONS.forEach(version -> repository.addResNet("ResNet50", "mindspore/" + version, version, 75.0));
        repository.commit("the examples, a hostile card, copies of nas-fpn and ResNet-50 in three versions");
        UniqueNames names = UniqueNames.forTest("search-page");
        pipeline = TestPipeline.over(repository, names, work).start();
        api = new ApiClient(pipeline.apiPort());
        await().ignoreExceptions().atMost(Duration.ofSeconds(60))
                .until(() -> api.get("/stats").body().at("/cards/total").asInt() == CARDS);
        // The page searches in the default mode, hybrid: its answers are those of the words and the meaning.
        CardVectors.awaitEvery(names.index(), CARDS);
        page = "http://127.0.0.1:" + pipeline.apiPort() + "/";
        browser = startChromium();
    }

    /** Debian's Chromium and its driver, as installed: Selenium Manager never looks for (or fetches) others. */
    private static ChromeDriver startChromium() throws IOException {
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("cardex-it-chromium-");
        driverService = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withLogFile(new File(profile.toFile(), "chromedriver.log")).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,900", "--user-data-dir=" + profile.resolve("profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        return new ChromeDriver(driverService, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (pipeline != null) {
            pipeline.close();
        }
        if (repository != null) {
            repository.close();
        }
        TempDirectories.delete(work);
        TempDirectories.delete(profile);
    }

    @BeforeEach
    void aWideWindow() {
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @AfterEach
    void theBrowserLoggedNoError() {
        // A script error, a refused inline script or style, a failed request: each is a SEVERE entry.
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(errors).as("errors in the browser's console").isEmpty();
    }

    @Test
    void theBoxHasTheFocusSuggestsModelNamesAndFindsCardsWithTheWordsMarked() throws IOException {
        browser.get(page);
        await().atMost(WAIT).until(() -> hits().size() == 10);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("focused on load").isEqualTo("q");

        browser.switchTo().activeElement().sendKeys("RefineN");
        WebElement suggestion = await().atMost(WAIT).ignoreExceptions().until(
                () -> browser.findElement(By.cssSelector("#suggestions [role=option]")), WebElement::isDisplayed);
        assertThat(suggestion.getText()).isEqualTo("RefineNet");
        browser.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        assertThat(suggestion.getAttribute("aria-selected")).isEqualTo("true");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);

        await().atMost(WAIT).ignoreExceptions().until(() -> browser.getCurrentUrl().endsWith("/?q=RefineNet")
                && text("status").startsWith("3 models"));
        WebElement first = hits().get(0);
        assertThat(first.findElements(By.cssSelector(".hit-title mark"))).extracting(WebElement::getText)
                .containsExactly("RefineNet");
        assertThat(first.findElements(By.cssSelector(".passage mark"))).extracting(WebElement::getText).contains("RefineNet");
        assertThat(first.findElement(By.cssSelector(".facts")).getText())
                .contains("MindSpore 1.9", "voc2012", "acc 80", "ckpt unchecked");
        assertThat(hits().get(1).getText()).contains("paper");
        assertThat(browser.findElement(By.id("suggestions")).isDisplayed()).isFalse();

        Path screenshot = Installation.current().home().resolve("docs/search-page.png");
        Files.write(screenshot, browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void anEmptyAnswerLinksTheNamesItSuggestsAndTheFilterToLeaveOut() {
        browser.get(page + "?q=refnenett");
        WebElement suggested = await().atMost(WAIT).ignoreExceptions().until(
                () -> browser.findElement(By.cssSelector("#status .did-you-mean a")), WebElement::isDisplayed);
        assertThat(text("status")).startsWith("No card found for").contains("Did you mean RefineNet");
        suggested.click();
        await().atMost(WAIT).ignoreExceptions().until(() -> browser.getCurrentUrl().endsWith("/?q=RefineNet")
                && !hits().isEmpty());

        browser.get(page + "?q=dlinknet&dataset=voc2012");
        WebElement widen = await().atMost(WAIT).ignoreExceptions().until(
                () -> browser.findElement(By.cssSelector("#status .without-filter a")), WebElement::isDisplayed);
        // Without the filter, the search finds D-LinkNet by its name, and the cards near "dlinknet" in meaning.
        int withoutFilter = api.get("/search?q=dlinknet").body().at("/total/cards").asInt();
        assertThat(widen.getText()).isEqualTo("the dataset filter: " + withoutFilter + (withoutFilter == 1 ? " card" : " cards"));
        widen.click();
        await().atMost(WAIT).ignoreExceptions().until(() -> browser.getCurrentUrl().endsWith("/?q=dlinknet")
                && hits().get(0).findElement(By.cssSelector(".key")).getText().equals("hub/mindspore/1.7/dlinknet_deepglobe"));
    }

    @Test
    void aSearchIsByWordsAndMeaningWithALinkToTheWordsAlone() {
        browser.get(page + "?q=dlinknet");
        WebElement wordsAlone = await().atMost(WAIT).ignoreExceptions().until(
                () -> browser.findElement(By.linkText("by the words alone")), WebElement::isDisplayed);
        assertThat(text("status")).contains("By words and meaning");
        assertThat(hits().get(0).findElement(By.cssSelector(".key")).getText()).isEqualTo("hub/mindspore/1.7/dlinknet_deepglobe");

        wordsAlone.click();

        await().atMost(WAIT).ignoreExceptions().until(() -> browser.getCurrentUrl().endsWith("/?q=dlinknet&mode=text")
                && text("status").startsWith("1 model for"));
        assertThat(text("status")).contains("By the words alone");
        browser.findElement(By.linkText("by words and meaning")).click();
        await().atMost(WAIT).ignoreExceptions().until(() -> browser.getCurrentUrl().endsWith("/?q=dlinknet")
                && text("status").contains("By words and meaning"));
    }

    @Test
    void facetsAndPagesAreReachedAndUsedWithTheKeyboard() {
        browser.get(page);
        await().atMost(WAIT).until(() -> text("status").equals("1–10 of " + MODELS + " models (" + CARDS + " cards)"));

        WebElement coco = tabTo(By.cssSelector(".facet-value[data-facet=dataset][data-value=coco2017]"));
        assertThat(outline(coco)).as("the focus shows").isNotEqualTo("none");
        coco.sendKeys(Keys.ENTER);

        await().atMost(WAIT).ignoreExceptions().until(() -> text("status").equals("1–10 of 14 models")
                && browser.getCurrentUrl().endsWith("/?dataset=coco2017"));
        assertThat(browser.switchTo().activeElement().getAttribute("data-value")).as("the focus stays on the facet")
                .isEqualTo("coco2017");
        assertThat(browser.switchTo().activeElement().getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(hits()).allSatisfy(hit -> assertThat(hit.getText()).contains("coco2017"));

        WebElement next = tabTo(By.cssSelector("#pager a[rel=next]"));
        next.sendKeys(Keys.ENTER);

        await().atMost(WAIT).ignoreExceptions().until(() -> text("status").equals("11–14 of 14 models"));
        assertThat(browser.getCurrentUrl()).endsWith("/?dataset=coco2017&page=2");
        assertThat(hits()).hasSize(4);
        assertThat(browser.findElement(By.cssSelector("#pager [aria-current=page]")).getText()).isEqualTo("2");

        browser.navigate().back();
        await().atMost(WAIT).ignoreExceptions().until(() -> text("status").equals("1–10 of 14 models"));
    }

    @Test
    void aModelShowsOnceByItsNewestVersionWithALinkToEachOther() {
        // The hostile card's backbone is ResNet50 too: the dataset keeps to the model.
        browser.get(page + "?q=resnet50&dataset=imagenet2012");
        await().atMost(WAIT).ignoreExceptions().until(() -> text("status").startsWith("1 model (3 cards)"));

        assertThat(hits()).hasSize(1);
        WebElement hit = hits().get(0);
        assertThat(hit.findElement(By.cssSelector(".key")).getText()).isEqualTo("hub/mindspore/1.10/resnet50_imagenet2012");
        assertThat(hit.findElements(By.cssSelector(".versions .version"))).extracting(WebElement::getText)
                .containsExactly("1.10", "1.9", "1.8");
        assertThat(hit.findElement(By.cssSelector(".version[aria-current]")).getText()).as("the version shown")
                .isEqualTo("1.10");

        hit.findElement(By.linkText("1.8")).click();

        await().atMost(WAIT).ignoreExceptions().until(() -> browser.findElement(By.cssSelector("#card-view .markdown"))
                .isDisplayed());
        assertThat(browser.getCurrentUrl()).endsWith("card=hub%2Fmindspore%2F1.8%2Fresnet50_imagenet2012");
        assertThat(browser.findElement(By.cssSelector("#card-view .facts")).getText()).contains("1.8");
    }

    @Test
    void aCardShowsItsFactsAndItsMarkdownAsElements() {
        browser.get(page + "?q=refinenet");
        await().atMost(WAIT).ignoreExceptions().until(() -> !hits().isEmpty());

        hits().get(0).findElement(By.cssSelector(".hit-title")).click();

        WebElement card = await().atMost(WAIT).ignoreExceptions()
                .until(() -> browser.findElement(By.cssSelector("#card-view .markdown")), WebElement::isDisplayed);
        assertThat(browser.getCurrentUrl()).endsWith("card=hub%2Fmindspore%2F1.9%2Frefinenet_voc2012");
        assertThat(browser.findElement(By.cssSelector("#card-view h2")).getText()).isEqualTo("RefineNet");
        assertThat(browser.findElement(By.cssSelector("#card-view .facts")).getText())
                .contains("RefineNet", "cv", "voc2012", "acc 80", "Apache2.0");
        assertThat(card.findElements(By.tagName("h3"))).extracting(WebElement::getText)
                .contains("Introduction", "Citation");
        WebElement scripts = card.findElement(By.linkText("research/cv/RefineNet"));
        assertThat(scripts.getAttribute("href")).startsWith("https://gitee.com/mindspore/models/");
        assertThat(scripts.getAttribute("rel")).isEqualTo("noopener noreferrer");
        assertThat(browser.findElement(By.cssSelector("#card-view .assets")).getText()).contains("9dc18191", "unchecked");

        browser.findElement(By.cssSelector("#card-view .back")).click();
        await().atMost(WAIT).ignoreExceptions().until(() -> browser.findElement(By.id("hits")).isDisplayed());
    }

    @Test
    void noScriptOfACardRunsAndItsMarkupShowsAsText() {
        browser.get(page + "?q=" + URLEncoder.encode("\"run a script\"", StandardCharsets.UTF_8));
        await().atMost(WAIT).ignoreExceptions().until(() -> hits().get(0).getText().startsWith("HostileNet"));
        WebElement hit = hits().get(0);
        assertThat(hit.findElement(By.cssSelector(".summary")).getText())
                .contains("<img src=x onerror=\"window.pwned=2\">");
        assertThat(hit.findElement(By.cssSelector(".passage")).getText()).contains("<script>");

        hit.findElement(By.cssSelector(".hit-title")).click();

        WebElement card = await().atMost(WAIT).ignoreExceptions()
                .until(() -> browser.findElement(By.cssSelector("#card-view .markdown")), WebElement::isDisplayed);
        assertThat(browser.getCurrentUrl()).endsWith("card=" + HOSTILE.replace("/", "%2F"));
        assertThat(card.getText()).contains("<script>window.pwned=1</script>",
                "<img src=\"x\" onerror=\"window.pwned=2\">", "<iframe srcdoc=",
                "[scripts of the model](javascript:window.pwned=3)", "<script>window.pwned=5</script>");
        assertThat(browser.findElements(By.cssSelector("#card-view script, #card-view img, #card-view iframe"))).isEmpty();
        assertThat(card.findElements(By.cssSelector("a"))).allSatisfy(link -> {
            assertThat(link.getAttribute("href")).startsWith("https://");
            assertThat(link.getAttribute("rel")).isEqualTo("noopener noreferrer");
        });
        assertThat(card.findElement(By.cssSelector("a.image-link")).getText()).isEqualTo("image: a tracking pixel");
        assertThat(card.findElements(By.cssSelector("table th"))).extracting(WebElement::getText)
                .containsExactly("dataset", "metric", "value");
        assertThat(card.findElement(By.cssSelector("table td strong")).getText()).isEqualTo("71.2");
        assertThat(card.findElement(By.cssSelector("li code")).getText()).isEqualTo("mindspore==1.8");
        assertThat(card.findElement(By.cssSelector("li em")).getText()).isEqualTo("eight");
        assertThat(browser.executeScript("return typeof window.pwned")).as("no script of the card ran")
                .isEqualTo("undefined");
    }

    @Test
    void aPhoneShowsThePageInOneColumnWithoutScrollingSideways() {
        browser.manage().window().setSize(new Dimension(375, 812));
        browser.get(page + "?q=refinenet");
        await().atMost(WAIT).ignoreExceptions().until(() -> !hits().isEmpty());

        long viewport = (Long) browser.executeScript("return document.documentElement.clientWidth");
        long content = (Long) browser.executeScript("return document.documentElement.scrollWidth");
        assertThat(content).as("page width at a viewport of %d px", viewport).isLessThanOrEqualTo(viewport);
        assertThat(browser.findElement(By.id("facets")).getLocation().getY())
                .as("the facets above the hits").isLessThan(hits().get(0).getLocation().getY());
    }

    private static List<WebElement> hits() {
        return browser.findElements(By.cssSelector("#hits > li"));
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** Presses Tab until the element has the focus, as a user without a mouse would. */
    private static WebElement tabTo(By target) {
        WebElement wanted = browser.findElement(target);
        for (int presses = 0; presses < 100; presses++) {
            if (browser.switchTo().activeElement().equals(wanted)) {
                return wanted;
            }
            new Actions(browser).sendKeys(Keys.TAB).perform();
        }
        return fail("Tab never reaches " + target);
    }

    private static String outline(WebElement element) {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(arguments[0]).outlineStyle", element);
    }

    private static String resource(String name) {
        try (InputStream text = SearchPageIT.class.getClassLoader().getResourceAsStream(name)) {
            return new String(Objects.requireNonNull(text, name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
