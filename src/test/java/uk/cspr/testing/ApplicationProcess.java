package uk.cspr.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The application's jar run as an operator runs it, in a JVM of its own, so that a test can kill
 * it as a crash would ({@code kill -9}) and start it again on the same database. Needs the jar
 * that {@code mvn package} builds, so only integration tests ({@code *IT}, after packaging) use it.
 */
public final class ApplicationProcess implements AutoCloseable {

  private final List<String> arguments;
  private final Path folder;
  private final Path log;
  private final int port;
  private Process process;

  /** Runs in the folder given (the demo keeps its database in ./data there), logging to application.log in it. */
  public ApplicationProcess(Path folder, String... arguments) throws IOException {
    this.port = freePort();
    this.folder = folder;
    this.log = folder.resolve("application.log");
    this.arguments = new ArrayList<>(List.of(arguments));
    this.arguments.add("--server.port=" + port);
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  public int port() {
    return port;
  }

  /** Starts the jar and waits until Tasklist answers. */
  public ApplicationProcess start() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-jar", jar().toAbsolutePath().toString()));
    command.addAll(arguments);
    process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    Http http = new Http(port);
    try {
      org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
          .until(() -> {
            if (!process.isAlive()) {
              throw new IllegalStateException("The application stopped while starting; see " + log);
            }
            return answersTasklist(http);
          });
    } catch (org.awaitility.core.ConditionTimeoutException late) {
      throw new IllegalStateException("The application did not start within 3 minutes; see " + log, late);
    }
    return this;
  }

  private static boolean answersTasklist(Http http) {
    try {
      return http.get("/camunda/app/tasklist/default/").status() == 200;
    } catch (IllegalStateException notYetListening) {
      return false; // connection refused until the server is up
    }
  }

  /** As a crash: SIGKILL, no shutdown hooks, nothing flushed by the application. */
  public void killHard() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      process.waitFor();
    }
  }

  static Path jar() throws IOException {
    try (var files = Files.list(Path.of("target"))) {
      return files.filter(f -> f.getFileName().toString().matches("cspr-workflow-.*\\.jar")).findFirst()
          .orElseThrow(() -> new IllegalStateException("No application jar in target/: run mvn package first"));
    }
  }

}
