package uk.cspr.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.delegate.DefaultDelegateInterceptor;
import org.camunda.bpm.engine.impl.delegate.DelegateInvocation;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.DelegateInterceptor;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobListener;
import org.camunda.bpm.engine.impl.jobexecutor.SuccessfulJobListener;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import uk.cspr.engine.EngineCommands;

/**
 * Watches an engine at three depths, into whichever {@link ThroughputLedger} is current: every command the
 * caller gives it (outermost only, so a command's time includes the commands it runs and its commit), our
 * custom code (delegates, listeners, expressions, through the engine's delegate interceptor), and each SQL
 * statement by the tables it touches. Commands are timed outside TaskActionGuard's interceptor and the
 * Spring transaction, so a completion costs here what it costs a caller.
 *
 * <p>Built for one thread driving the engine (the walk executes jobs itself); the ledger is switched between
 * calls, never during one.
 */
final class ThroughputProbe extends AbstractProcessEnginePlugin {

  private volatile ThroughputLedger ledger;
  /** Mail tasks as "process key/activity id": a job on one of them is a mail, not some other continuation. */
  private final Set<String> mailTasks = ConcurrentHashMap.newKeySet();
  private final ThreadLocal<int[]> commandDepth = ThreadLocal.withInitial(() -> new int[1]);
  private final ThreadLocal<int[]> customCodeDepth = ThreadLocal.withInitial(() -> new int[1]);
  /** The job or task a command was about: set inside its command context, read outside once the commit is done. */
  private final ThreadLocal<String> aboutOnHand = new ThreadLocal<>();
  /** The job whose success (or failure) the engine records next, in a command of its own. */
  private final ThreadLocal<String> lastJob = new ThreadLocal<>();
  /** A bean just resolved by a delegate expression: a listener written as a lambda is named by it. */
  private final ThreadLocal<String> beanJustResolved = new ThreadLocal<>();

  /** From now on, costs go into this ledger; {@code null} stops counting. */
  void measureInto(ThroughputLedger current) {
    this.ledger = current;
  }

  void mailTasks(Set<String> processKeyAndActivity) {
    mailTasks.addAll(processKeyAndActivity);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    // first, so the time includes our other interceptors (TaskActionGuard) and the transaction's commit
    configuration.getCustomPreCommandInterceptorsTxRequired().add(0, new Outermost());
    if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPostCommandInterceptorsTxRequired().add(new WhatItWasAbout());
    DelegateInterceptor engines = configuration.getDelegateInterceptor() == null
        ? new DefaultDelegateInterceptor() : configuration.getDelegateInterceptor();
    configuration.setDelegateInterceptor(new TimedCustomCode(engines));
  }

  private final class Outermost extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      ThroughputLedger into = ledger;
      int[] depth = commandDepth.get();
      if (into == null || depth[0] > 0) {
        return next.execute(command);
      }
      depth[0]++;
      long started = System.nanoTime();
      try {
        return next.execute(command);
      } finally {
        long elapsed = System.nanoTime() - started;
        depth[0]--;
        account(into, command, elapsed);
      }
    }
  }

  private void account(ThroughputLedger into, Command<?> command, long elapsed) {
    String about = aboutOnHand.get();
    aboutOnHand.remove();
    if (command instanceof ExecuteJobsCmd) {
      lastJob.set(about == null ? "job: not found" : about);
      into.command(lastJob.get(), elapsed);
    } else if (command instanceof SuccessfulJobListener || command instanceof FailedJobListener) {
      // the engine logs a job's outcome in a command of its own: part of what the job costs
      if (lastJob.get() == null) {
        into.command(command.getClass().getSimpleName(), elapsed);
      } else {
        into.commandTimeOnly(lastJob.get(), elapsed);
      }
    } else if (command instanceof CompleteTaskCmd) {
      Map<?, ?> answers = EngineCommands.field(command, "variables");
      into.taskCompleted(elapsed, answers == null ? 0 : answers.size());
      into.command(about == null ? "complete: ?" : about, elapsed);
    } else if (command instanceof SubmitStartFormCmd) {
      into.recordings.add(elapsed);
      into.command("SubmitStartFormCmd", elapsed);
    } else {
      String name = command.getClass().getSimpleName();
      into.command(name.isEmpty() || name.contains("$$") ? command.getClass().getName() : name, elapsed);
    }
  }

  /** Runs inside the command context, where the job a command executed, or the task it completed, is still known. */
  private final class WhatItWasAbout extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      if (!(command instanceof ExecuteJobsCmd || command instanceof CompleteTaskCmd) || commandDepth.get()[0] != 1) {
        return next.execute(command);
      }
      try {
        return next.execute(command);
      } finally {
        CommandContext context = Context.getCommandContext();
        if (context != null && command instanceof ExecuteJobsCmd && context.getCurrentJob() != null) {
          aboutOnHand.set(jobName(context.getCurrentJob()));
        } else if (context != null && command instanceof CompleteTaskCmd) {
          TaskEntity task = context.getDbEntityManager().getCachedEntity(TaskEntity.class,
              EngineCommands.field(command, "taskId"));
          aboutOnHand.set(task == null ? null : taskName(task));
        }
      }
    }
  }

  /** "complete: process key/task key"; the bare engine's tasks, all alike, under one name. */
  private static String taskName(TaskEntity task) {
    String definition = String.valueOf(task.getProcessDefinitionId());
    String processKey = definition.contains(":") ? definition.substring(0, definition.indexOf(':')) : definition;
    return processKey.startsWith("bench-bare") ? "complete: a bare task"
        : "complete: " + processKey + "/" + task.getTaskDefinitionKey();
  }

  private String jobName(JobEntity job) {
    String where = job.getProcessDefinitionKey() + "/" + job.getActivityId();
    String type = job.getJobHandlerType();
    if (type.startsWith("timer")) {
      return "timer: " + where;
    }
    if ("async-continuation".equals(type)) {
      // asyncAfter on a mail task makes a second job once the mail has gone: not a mail of its own
      String operation = String.valueOf(job.getJobHandlerConfigurationRaw());
      boolean before = operation.startsWith("transition-create-scope")
          || operation.startsWith("activity-start-create-scope");
      if (!before) {
        return "async continuation: after " + where;
      }
      return (mailTasks.contains(where) ? "mail: " : "async continuation: ") + where;
    }
    return type + ": " + where;
  }

  private final class TimedCustomCode implements DelegateInterceptor {
    private final DelegateInterceptor engines;

    TimedCustomCode(DelegateInterceptor engines) {
      this.engines = engines;
    }

    @Override
    public void handleInvocation(DelegateInvocation invocation) throws Exception {
      ThroughputLedger into = ledger;
      int[] depth = customCodeDepth.get();
      if (into == null || depth[0] > 0) {
        engines.handleInvocation(invocation);
        return;
      }
      depth[0]++;
      long started = System.nanoTime();
      try {
        engines.handleInvocation(invocation);
      } finally {
        long elapsed = System.nanoTime() - started;
        depth[0]--;
        into.customCode(customCodeName(invocation), elapsed);
      }
    }
  }

  private static final Pattern FIRST_NAME = Pattern.compile("[$#]\\{\\s*!?\\s*([A-Za-z_][A-Za-z0-9_]*)");
  private static final Pattern ONE_BEAN = Pattern.compile("[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");

  private String customCodeName(DelegateInvocation invocation) {
    String kind = invocation.getClass().getSimpleName().replace("Invocation", "");
    try {
      switch (kind) {
        case "ExpressionGet", "ExpressionSet" -> {
          Object expression = EngineCommands.field(invocation, "valueExpression");
          String text = String.valueOf(expression);
          try {
            text = (String) expression.getClass().getMethod("getExpressionString").invoke(expression);
          } catch (ReflectiveOperationException e) {
            // the expression's toString then
          }
          Matcher bean = ONE_BEAN.matcher(text);
          if (bean.matches()) {
            beanJustResolved.set(bean.group(1));
          }
          Matcher first = FIRST_NAME.matcher(text);
          return "expression: " + (first.find() ? first.group(1) : "constant");
        }
        case "JavaDelegate" -> {
          return "delegate: " + named(EngineCommands.field(invocation, "delegateInstance"));
        }
        case "ExecutionListener" -> {
          return "execution listener: " + named(EngineCommands.field(invocation, "executionListenerInstance"));
        }
        case "TaskListener" -> {
          return "task listener: " + named(EngineCommands.field(invocation, "taskListenerInstance"));
        }
        case "ActivityBehavior" -> {
          return "behaviour: " + named(EngineCommands.field(invocation, "behaviorInstance"));
        }
        default -> {
          return "engine hook: " + kind;
        }
      }
    } catch (IllegalStateException renamedInThisEngineVersion) {
      return "engine hook: " + kind;
    }
  }

  /** A class's simple name, or the bean it was resolved as when it is a lambda or a proxy without one. */
  private String named(Object instance) {
    String resolved = beanJustResolved.get();
    beanJustResolved.remove();
    if (instance == null) {
      return "?";
    }
    String name = instance.getClass().getName();
    name = name.substring(name.lastIndexOf('.') + 1);
    if (name.startsWith("DelegateExpression")) {
      // the engine's wrapper of a listener given as ${bean}: the bean is what a reader knows it by
      try {
        Object expression = EngineCommands.field(instance, "expression");
        Matcher bean = FIRST_NAME.matcher(String.valueOf(
            expression.getClass().getMethod("getExpressionText").invoke(expression)));
        if (bean.find()) {
          return bean.group(1);
        }
      } catch (ReflectiveOperationException | IllegalStateException e) {
        // the wrapper's own name then
      }
    }
    int generated = name.indexOf("$$");
    if (generated >= 0) {
      return resolved != null ? resolved : name.substring(0, generated) + " (lambda)";
    }
    return name.replace('$', '.');
  }

  // --- the database: each statement by the tables it touches ---

  /** The database, with each statement the engine runs on it counted and timed. */
  DataSource watching(DataSource database) {
    return new DelegatingDataSource(database) {
      @Override
      public Connection getConnection() throws SQLException {
        return watched(super.getConnection());
      }

      @Override
      public Connection getConnection(String username, String password) throws SQLException {
        return watched(super.getConnection(username, password));
      }
    };
  }

  private Connection watched(Connection connection) {
    return proxy(Connection.class, connection, (self, method, args) -> {
      Object made = invoke(connection, method, args);
      String name = method.getName();
      if (made instanceof Statement statement) {
        String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
        Class<? extends Statement> type = name.equals("prepareCall") ? CallableStatement.class
            : name.equals("prepareStatement") ? PreparedStatement.class : Statement.class;
        return watched(type, statement, sql);
      }
      return made;
    });
  }

  private <S extends Statement> S watched(Class<S> type, Statement statement, String prepared) {
    return proxy(type, statement, (self, method, args) -> {
      String name = method.getName();
      String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : prepared;
      ThroughputLedger into = ledger;
      if (into != null && name.equals("addBatch")) {
        into.batchedStatement(tables(sql));
      }
      if (into == null || !name.startsWith("execute")) {
        return invoke(statement, method, args);
      }
      long started = System.nanoTime();
      try {
        return invoke(statement, method, args);
      } finally {
        long elapsed = System.nanoTime() - started;
        if (name.equals("executeBatch")) {
          into.batchRan(tables(sql), elapsed);
        } else {
          into.statement(tables(sql), elapsed);
        }
      }
    });
  }

  private interface Handler {
    Object handle(Object self, Method method, Object[] args) throws Throwable;
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, Object target, Handler handler) {
    InvocationHandler identityKept = (self, method, args) -> switch (method.getName()) {
      // Spring keys transaction resources by these objects: a proxy must stay equal only to itself
      case "equals" -> args.length == 1 && self == args[0];
      case "hashCode" -> System.identityHashCode(self);
      case "toString" -> "watched " + target;
      default -> handler.handle(self, method, args);
    };
    return (T) Proxy.newProxyInstance(ThroughputProbe.class.getClassLoader(), new Class<?>[] {type}, identityKept);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static final Pattern ENGINE_TABLE = Pattern.compile("\\bACT_(HI|RU|GE|RE|ID)_([A-Z_]+)");

  /** The family of tables a statement is mostly about, by the first one it names. */
  static String tables(String sql) {
    if (sql == null) {
      return "other";
    }
    String upper = sql.toUpperCase(Locale.ROOT);
    if (upper.contains("CSPR_CASE_NUMBER") || upper.contains("CSPR_CASE_REFERENCE")) {
      return "case references (our sequence)";
    }
    if (upper.contains("CSPR_")) {
      return "our other tables (links, identities)";
    }
    Matcher table = ENGINE_TABLE.matcher(upper);
    if (!table.find()) {
      return "other";
    }
    String name = table.group(2);
    return switch (table.group(1)) {
      case "HI" -> "history (ACT_HI_*)";
      case "GE" -> name.startsWith("BYTEARRAY") ? "byte arrays (ACT_GE_BYTEARRAY)" : "id blocks (ACT_GE_PROPERTY)";
      case "RE" -> "definitions (ACT_RE_*)";
      case "ID" -> "people and groups (ACT_ID_*)";
      default -> switch (name) {
        case "AUTHORIZATION" -> "authorizations (ACT_RU_AUTHORIZATION)";
        case "JOB", "JOBDEF" -> "jobs and timers (ACT_RU_JOB*)";
        case "TASK", "IDENTITYLINK" -> "tasks and candidates (ACT_RU_TASK, _IDENTITYLINK)";
        case "EXECUTION" -> "executions (ACT_RU_EXECUTION)";
        case "VARIABLE" -> "variables (ACT_RU_VARIABLE)";
        case "EVENT_SUBSCR" -> "event subscriptions (ACT_RU_EVENT_SUBSCR)";
        default -> "other runtime (ACT_RU_" + name + ")";
      };
    };
  }
}
