package uk.cspr.engine;

import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * Besides the variables a form writes, the engine's full history keeps a second copy of each
 * submitted field as text ("form property" details), in a column of 4,000 characters, and a
 * longer answer would fail the whole submission. That copy is shortened here, saying so; the
 * answer itself stays whole in the variable and its history ({@link LongTextSerializer}).
 */
public class LongTextHistoryEventProducer extends CacheAwareHistoryEventProducer {

  @Override
  public HistoryEvent createFormPropertyUpdateEvt(ExecutionEntity execution, String propertyId, String propertyValue,
      String taskId) {
    return super.createFormPropertyUpdateEvt(execution, propertyId, shortened(propertyId, propertyValue), taskId);
  }

  static String shortened(String propertyId, String value) {
    if (value == null || value.length() <= LongTextSerializer.TEXT_COLUMN) {
      return value;
    }
    String note = " … (" + value.length() + " characters in all: the whole answer is the variable " + propertyId + ")";
    return value.substring(0, LongTextSerializer.TEXT_COLUMN - note.length()) + note;
  }
}
