package uk.cspr.bench;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;

/**
 * The bare engine's side of the comparison: processes of our case's size and shape, generated, with none of
 * our listeners, delegates, expressions or mail. Their timers are due long after any run, so each is created
 * and deleted with its task, as most of ours are.
 */
final class ThroughputBareProcesses {

  static final String CASE = "bench-bare-case";
  static final String RECORDING = "bench-bare-recording";
  static final String STAGE = "bench-bare-stage";
  static final String AGENCY_REQUEST = "bench-bare-agency-request";

  /** Camunda refuses a definition without a history time to live; ours keep theirs for years, this is as good. */
  private static final int HISTORY_DAYS = 180;
  private static final String FAR_AHEAD = "2099-12-31T09:00:00";

  private ThroughputBareProcesses() {}

  /** One user task after another, as many as a case of ours has, with its timers spread across them. */
  static BpmnModelInstance aCaseOfTheSameSize(int userTasks, int timers) {
    AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(CASE).camundaHistoryTimeToLive(HISTORY_DAYS)
        .startEvent("recorded");
    for (int t = 0; t < userTasks; t++) {
      String task = "task" + t;
      int timersOnIt = timers / userTasks + (t < timers % userTasks ? 1 : 0);
      flow = withTimers(flow.userTask(task), task, timersOnIt);
    }
    return flow.endEvent("closed").done();
  }

  /**
   * What recording a case starts, in the words: a stage with two user tasks and two timers, and three
   * agency requests (a multi-instance call activity), each a user task with two timers.
   */
  static BpmnModelInstance recording() {
    return Bpmn.createExecutableProcess(RECORDING).camundaHistoryTimeToLive(HISTORY_DAYS)
        .startEvent("recorded")
        .parallelGateway("startStages")
        .callActivity("callStage").calledElement(STAGE)
        .parallelGateway("stagesDone")
        .endEvent("done")
        .moveToNode("startStages")
        .callActivity("askAgencies").calledElement(AGENCY_REQUEST)
        .multiInstance().parallel().cardinality("3").multiInstanceDone()
        .connectTo("stagesDone")
        .done();
  }

  static BpmnModelInstance stage() {
    AbstractFlowNodeBuilder<?, ?> first = withTimers(Bpmn.createExecutableProcess(STAGE)
        .camundaHistoryTimeToLive(HISTORY_DAYS).startEvent().parallelGateway("bothTasks").userTask("firstTask"),
        "firstTask", 1);
    AbstractFlowNodeBuilder<?, ?> second = withTimers(first.parallelGateway("bothDone").endEvent("stageDone")
        .moveToNode("bothTasks").userTask("secondTask"), "secondTask", 1);
    return second.connectTo("bothDone").done();
  }

  static BpmnModelInstance agencyRequest() {
    return withTimers(Bpmn.createExecutableProcess(AGENCY_REQUEST).camundaHistoryTimeToLive(HISTORY_DAYS)
        .startEvent().userTask("answer"), "answer", 2).endEvent("answered").done();
  }

  private static AbstractFlowNodeBuilder<?, ?> withTimers(UserTaskBuilder task, String taskId, int timers) {
    AbstractFlowNodeBuilder<?, ?> flow = task;
    for (int r = 0; r < timers; r++) {
      flow = task.boundaryEvent(taskId + "Timer" + r).cancelActivity(false).timerWithDate(FAR_AHEAD)
          .endEvent(taskId + "TimerDone" + r).<UserTaskBuilder>moveToActivity(taskId);
    }
    return flow;
  }
}
