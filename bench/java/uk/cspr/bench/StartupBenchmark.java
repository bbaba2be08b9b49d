package uk.cspr.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.cspr.testing.ApplicationProcess;
import org.springframework.util.FileSystemUtils;

/**
 * Start-up and memory: our jar against a bare Camunda 7.24 webapp on the same Spring Boot, starters and H2
 * (bench/bare), each in a JVM of its own with the same heap limit, as an operator starts them. Ready means
 * Tasklist answers. Each is started on an empty database (the engine's tables created, and ours: Flyway, the
 * deployment, the first administrator) and again on the database it made (a node's restart), alternately so
 * that neither has the machine's caches to itself.
 */
class StartupBenchmark {

  static final int REPEATS = Integer.parseInt(System.getenv().getOrDefault("BENCH_STARTUP_REPEATS", "3"));
  static final String HEAP = "-Xmx512m";
  static final Path FOLDER = Path.of("target", "bench", "startup");

  record Start(double readySeconds, double residentMegabytes) {
  }

  static final String TASKLIST = "/camunda/app/tasklist/default/";
  static final String READINESS = "/actuator/health/readiness";

  @Test
  void ourApplicationStartsAsFastAndAsSmallAsTheBareEngine() throws Exception {
    Path ours = jar(Path.of("target"), "cspr-workflow-.*\\.jar");
    Path bare = jar(Path.of("bench", "bare", "target"), "bare-camunda\\.jar");
    List<String> production = List.of("--spring.profiles.active=production",
        "--spring.datasource.url=jdbc:h2:file:./data/cspr;WRITE_DELAY=0",
        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + ApplicationProcess.freePort(),
        "--CSPR_ADMIN_USER=admin", "--CSPR_ADMIN_PASSWORD=Correct-Horse-Battery-9",
        "--CSPR_ADMIN_EMAIL=admin@example.org", "--CSPR_IDENTITY_KEY=YmVuY2gtc3RhcnR1cC1rZXktbmV2ZXItcmVhbC0wMDA=",
        "--CSPR_PARTNERSHIP_NAME=Northshire Safeguarding Children Partnership",
        "--CSPR_COORDINATORS_EMAIL=safeguarding@example.org", "--CSPR_PUBLIC_URL=https://cspr.example.org");
    List<String> demo = List.of("--spring.mail.port=" + ApplicationProcess.freePort());
    Samples oursFirst = new Samples();
    Samples oursAgain = new Samples();
    Samples demoFirst = new Samples();
    Samples bareFirst = new Samples();
    Samples bareAgain = new Samples();
    // one start of each, not counted: the operating system's file cache warmed for both jars alike
    start(ours, "warm-ours", production, true, TASKLIST);
    start(bare, "warm-bare", List.of(), true, TASKLIST);
    for (int i = 0; i < REPEATS; i++) {
      oursFirst.add(start(ours, "ours", production, true, TASKLIST));
      bareFirst.add(start(bare, "bare", List.of(), true, TASKLIST));
      oursAgain.add(start(ours, "ours", production, false, TASKLIST));
      bareAgain.add(start(bare, "bare", List.of(), false, TASKLIST));
      // Tasklist answers while the demo still records its cases; readiness waits for them
      demoFirst.add(start(ours, "demo", demo, true, READINESS));
    }
    Results results = new Results("startup", "Start-up and memory");
    results.table("measure (median of " + REPEATS + ")", "ours", "bare Camunda");
    results.row("ready, empty database", oursFirst.ready(), bareFirst.ready(), "s");
    results.row("ready, restart on its database", oursAgain.ready(), bareAgain.ready(), "s");
    results.row("resident memory when ready, empty database", oursFirst.resident(), bareFirst.resident(), "MB");
    results.row("resident memory when ready, restart", oursAgain.resident(), bareAgain.resident(), "MB");
    results.row("ready, the demo with its nine cases recorded", demoFirst.ready(), bareFirst.ready(), "s");
    results.row("resident memory when ready, the demo", demoFirst.resident(), bareFirst.resident(), "MB");
    results.note("Each a JVM of its own (`java " + HEAP + " -jar`), H2 on disk, ready when Tasklist answers 200; resident"
        + " memory is the process's VmRSS at that moment. Ours in the production profile (no demo people or cases);"
        + " the demo rows are what `mvn spring-boot:run` starts, ready when `/actuator/health/readiness` answers UP,"
        + " which it does once the demo's cases are recorded (Tasklist answers before). The bare webapp is `bench/bare`: the same Spring Boot,"
        + " Camunda starters and H2, with full history and authorization on, and nothing of ours.");
    results.write();
  }

  static final class Samples {
    private final List<Start> starts = new ArrayList<>();

    void add(Start start) {
      starts.add(start);
    }

    double ready() {
      return median(starts.stream().mapToDouble(Start::readySeconds).toArray());
    }

    double resident() {
      return median(starts.stream().mapToDouble(Start::residentMegabytes).toArray());
    }

    private static double median(double[] values) {
      double[] sorted = values.clone();
      java.util.Arrays.sort(sorted);
      return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
          : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
  }

  /** Starts the jar in its folder (emptied first when {@code empty}), waits until the path answers 200, measures, stops it. */
  private static Start start(Path jar, String name, List<String> arguments, boolean empty, String readyPath)
      throws Exception {
    Path folder = FOLDER.resolve(name);
    if (empty) {
      FileSystemUtils.deleteRecursively(folder);
    }
    Files.createDirectories(folder);
    int port = ApplicationProcess.freePort();
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), HEAP, "-jar",
        jar.toAbsolutePath().toString(), "--server.port=" + port));
    command.addAll(arguments);
    long started = System.nanoTime();
    Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("application.log").toFile())).start();
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      HttpRequest tasklist = HttpRequest.newBuilder(URI.create("http://localhost:" + port + readyPath))
          .timeout(Duration.ofSeconds(10)).build();
      org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() -> {
        if (!process.isAlive()) {
          throw new IllegalStateException(name + " stopped while starting; see " + folder.resolve("application.log"));
        }
        try {
          return http.send(tasklist, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYetListening) {
          return false;
        }
      });
      double ready = (System.nanoTime() - started) / 1e9;
      return new Start(ready, residentMegabytes(process.pid()));
    } finally {
      process.destroy();
      process.waitFor();
    }
  }

  private static double residentMegabytes(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    }
    throw new IllegalStateException("No VmRSS for process " + pid);
  }

  private static Path jar(Path folder, String pattern) throws IOException {
    try (var files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().matches(pattern)).findFirst()
          .orElseThrow(() -> new IllegalStateException("No " + pattern + " in " + folder + ": bench/run builds it"));
    }
  }

}
