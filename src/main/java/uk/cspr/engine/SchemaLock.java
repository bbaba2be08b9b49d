package uk.cspr.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nodes started together on an empty PostgreSQL database each found no tables and each created the
 * engine's: all but the first failed to start ("duplicate key value violates unique constraint
 * pg_type_typname_nsp_index", found by {@code TwoNodesIT}). A node now holds a PostgreSQL advisory lock
 * from before the engine looks at its schema until the engine is built, so the others wait and then
 * find the tables made. The lock belongs to one connection of the node's own and goes with it, so a
 * node that dies while holding it releases it. On H2, which one node owns, it does nothing.
 */
public class SchemaLock extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(SchemaLock.class);
  /** The lock's number, the same on every node: "CSPR" in ASCII. */
  static final long KEY = 0x43535052L;

  private final DataSource dataSource;
  private Connection held;

  public SchemaLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    try {
      Connection connection = dataSource.getConnection();
      if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        connection.close();
        return;
      }
      connection.setAutoCommit(true);
      long started = System.nanoTime();
      try (Statement sql = connection.createStatement()) {
        sql.execute("SELECT pg_advisory_lock(" + KEY + ")");
      }
      held = connection;
      long waited = (System.nanoTime() - started) / 1_000_000;
      if (waited > 1000) {
        log.info("Waited {} ms for another node to finish the engine's schema", waited);
      }
    } catch (SQLException e) {
      throw new ProcessEngineException("Could not take the schema lock on the database", e);
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    if (held == null) {
      return;
    }
    try (Connection connection = held; Statement sql = connection.createStatement()) {
      sql.execute("SELECT pg_advisory_unlock(" + KEY + ")");
    } catch (SQLException e) {
      // closing the connection releases the lock all the same
      log.warn("The schema lock was released by closing its connection: {}", e.getMessage());
    } finally {
      held = null;
    }
  }
}
