package uk.cspr.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The databases a benchmark of a plain engine runs on (its own H2 always; PostgreSQL when
 * CSPR_BENCH_POSTGRES_URL names one), and the sizes and ports around them. Shared by the throughput and
 * timer-latency benchmarks.
 */
final class ThroughputDatabases {

  /** One database, opened afresh for each engine. */
  record Database(String name, Supplier<DataSource> opener) {
    DataSource open() {
      return opener.get();
    }
  }

  private ThroughputDatabases() {}

  static List<Database> available() {
    List<Database> databases = new ArrayList<>();
    // as PlainEngine makes its own
    databases.add(new Database("H2", () -> new DriverManagerDataSource(
        "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")));
    if (!postgresLeftOut()) {
      databases.add(new Database("PostgreSQL", () -> emptiedPostgres(System.getenv("CSPR_BENCH_POSTGRES_URL"))));
    }
    return databases;
  }

  static boolean postgresLeftOut() {
    String url = System.getenv("CSPR_BENCH_POSTGRES_URL");
    return url == null || url.isBlank();
  }

  static final String POSTGRES_LEFT_OUT = "PostgreSQL rows were left out: CSPR_BENCH_POSTGRES_URL was not set.";

  /** The benchmark's PostgreSQL, emptied: each engine starts from nothing, as on its own H2. */
  private static DataSource emptiedPostgres(String url) {
    String user = System.getenv().getOrDefault("CSPR_BENCH_POSTGRES_USER", "cspr");
    String password = System.getenv().getOrDefault("CSPR_BENCH_POSTGRES_PASSWORD", "");
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA public CASCADE");
      statement.execute("CREATE SCHEMA public");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot empty the benchmark's database " + url, e);
    }
    // the application's pool (spring.datasource.hikari.maximum-pool-size: 20); BENCH_DB_POOL gives another
    HikariDataSource pool = new HikariDataSource();
    pool.setMaximumPoolSize(sizeFrom("BENCH_DB_POOL", 20));
    pool.setJdbcUrl(url);
    pool.setUsername(user);
    pool.setPassword(password);
    return pool;
  }

  /** Closes the pool if there is one (H2's data source has none). */
  static void close(DataSource data) {
    if (data instanceof AutoCloseable pool) {
      try {
        pool.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static int sizeFrom(String variable, int otherwise) {
    String value = System.getenv(variable);
    return value == null || value.isBlank() ? otherwise : Integer.parseInt(value.trim());
  }

  /** A port for GreenMail, so a benchmark never meets a test's fixed one. */
  static int freePort() {
    try {
      return uk.cspr.testing.ApplicationProcess.freePort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
