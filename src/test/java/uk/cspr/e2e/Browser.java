package uk.cspr.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver: nothing is downloaded. Every
 * wait is on page state, never a fixed sleep; every step can leave a screenshot under
 * {@code target/e2e-screenshots/} so a failing run shows what the user saw.
 */
final class Browser implements AutoCloseable {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  static final Path SCREENSHOTS = Path.of("target", "e2e-screenshots");

  final ChromeDriver driver;
  /** Where a file the page downloads lands. */
  final Path downloads;
  private final String base;
  private final String journey;
  private int step;

  /** Skipped where no browser is installed, except in CI, where that is a failure. */
  static void requireChromium() {
    boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    if (!installed && System.getenv("CI") != null) {
      throw new IllegalStateException("CI needs " + CHROMIUM + " and " + CHROMEDRIVER + " (Debian: chromium chromium-driver)");
    }
    Assumptions.assumeTrue(installed, "Install Debian's chromium and chromium-driver to run the browser journeys");
  }

  Browser(String base, String journey) throws IOException {
    this.base = base;
    this.journey = journey;
    Files.createDirectories(SCREENSHOTS);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    downloads = Files.createTempDirectory("cspr-downloads");
    options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", downloads.toString(),
        "download.prompt_for_download", false));
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-quic", "--window-size=1400,1100", "--lang=en-GB",
        "--user-data-dir=" + Files.createTempDirectory("cspr-chromium"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
  }

  void open(String path) {
    driver.get(path.startsWith("http") ? path : base + path);
  }

  WebDriverWait waiting() {
    return new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  WebElement waitFor(By by) {
    return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  void waitForText(String text) {
    waiting().until(d -> d.findElement(By.tagName("body")).getText().contains(text));
  }

  void waitUntilGone(By by) {
    waiting().until(ExpectedConditions.invisibilityOfElementLocated(by));
  }

  /** The innermost element whose whole visible text is this. */
  static By text(String text) {
    String q = quote(text);
    return By.xpath("//*[not(self::script)][normalize-space(.)=" + q + " and not(*[normalize-space(.)=" + q + "])]");
  }

  static By button(String label) {
    return By.xpath("//button[normalize-space()=" + quote(label) + "]");
  }

  /** The input a visible label (or date label) names, as a person finds a field. */
  WebElement field(String label) {
    WebElement labelElement = waitFor(By.xpath("//label[starts-with(normalize-space(), " + quote(label) + ")]"));
    return driver.findElement(By.id(labelElement.getAttribute("for")));
  }

  /** The input the n-th (from 1) visible label of this text names: a field of a dynamic list's n-th item. */
  WebElement field(String label, int n) {
    String xpath = "(//label[starts-with(normalize-space(), " + quote(label) + ")])[" + n + "]";
    WebElement labelElement = waitFor(By.xpath(xpath));
    return driver.findElement(By.id(labelElement.getAttribute("for")));
  }

  /** Types into the n-th (from 1) field labelled exactly this, where other labels begin the same ("Action 1", "Action"). */
  void typeExactly(String label, int n, String value) {
    WebElement labelElement = waitFor(By.xpath("(//label[normalize-space()=" + quote(label) + "])[" + n + "]"));
    type(driver.findElement(By.id(labelElement.getAttribute("for"))), value);
  }

  void type(String label, int n, String value) {
    type(field(label, n), value);
  }

  /** Picks an option of the n-th select with this label, as a person does: open it, click the option. */
  void choose(String label, int n, String option) {
    // form-js labels a select's hidden input; what a person clicks is the value shown beside it
    WebElement select = driver.findElement(By.id(field(label, n).getAttribute("id") + "-display"));
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", select);
    select.click();
    waitFor(By.xpath("//*[contains(@class, 'fjs-dropdownlist-item') and normalize-space()=" + quote(option) + "]")).click();
  }

  void type(String label, String value) {
    type(field(label), value);
  }

  /** Picks an answer of a radio group, by the group's label and the answer's, as a person clicks it. */
  void chooseRadio(String groupLabel, String option) {
    WebElement choice = waitFor(By.xpath("//div[contains(@class, 'fjs-form-field-radio')][.//label[starts-with(normalize-space(), "
        + quote(groupLabel) + ")]]//label[normalize-space()=" + quote(option) + "]"));
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", choice);
    choice.click();
  }

  private void type(WebElement input, String value) {
    // Tasklist's footer covers the bottom of a long form: bring the field to the middle first
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", input);
    input.click();
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(value);
    // leaving the field hands its value to the form at once: form-js otherwise takes it a moment
    // later, and a field shown or re-drawn meanwhile would be drawn with the old value
    driver.executeScript("arguments[0].blur()", input);
  }

  /**
   * form-js date fields take the date typed as the browser's locale shows it (the field's
   * placeholder says how: dd/mm/yyyy in England; headless Chromium here stays American, whatever
   * its --lang), then Enter.
   */
  void typeDate(String label, java.time.LocalDate date) {
    String placeholder = String.valueOf(field(label).getAttribute("placeholder"));
    type(label, date.format(java.time.format.DateTimeFormatter.ofPattern(
        placeholder.startsWith("dd") ? "dd/MM/yyyy" : "MM/dd/yyyy")));
    field(label).sendKeys(Keys.ENTER);
  }

  /**
   * Types into whatever has the focus at a person's pace, a key at a time, Tab moving on: no
   * leaving a field by script, so the form gets each field's typing as late as it would from a
   * person (the lost characters of issue 15, item 7, happened only so).
   */
  void typeLikeAPerson(CharSequence... keys) {
    org.openqa.selenium.interactions.Actions actions = new org.openqa.selenium.interactions.Actions(driver);
    for (CharSequence key : keys) {
      if (key instanceof Keys) {
        actions.sendKeys(key).pause(Duration.ofMillis(120));
      } else {
        key.chars().forEach(c -> actions.sendKeys(String.valueOf((char) c)).pause(Duration.ofMillis(45)));
      }
    }
    actions.perform();
  }

  /** Whether the element is wholly in the window as the person sees it now, not scrolled away. */
  boolean inSight(WebElement element) {
    return Boolean.TRUE.equals(driver.executeScript("const r = arguments[0].getBoundingClientRect();"
        + " return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;", element));
  }

  void scrollTo(By by) {
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", waitFor(by));
  }

  /** Presses a button as a person does: scrolled to where it can be seen (Tasklist's footer covers the page's foot). */
  void press(String button) {
    press(waitFor(button(button)));
  }

  void press(WebElement element) {
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }

  void clickLabel(String label) {
    waitFor(By.xpath("//label[contains(normalize-space(), " + quote(label) + ")]")).click();
  }

  void logIn(String app, String user, String password) {
    open("/camunda/app/" + app + "/default/");
    waitFor(By.cssSelector("input[placeholder='Username']")).sendKeys(user);
    driver.findElement(By.cssSelector("input[placeholder='Password']")).sendKeys(password);
    driver.findElement(By.cssSelector("button[type='submit']")).click();
  }

  void screenshot(String what) {
    try {
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), SCREENSHOTS.resolve(String.format("%s-%02d-%s.png", journey, ++step, what)),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The file a download saved, once Chromium has finished writing it. */
  Path downloaded(String name) {
    Path file = downloads.resolve(name);
    new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> Files.exists(file)
        && !Files.exists(downloads.resolve(name + ".crdownload")));
    return file;
  }

  private static String quote(String text) {
    return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
  }

  @Override
  public void close() {
    driver.quit();
  }
}
